import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { RenderedChart } from '../chart/render-chart';

interface Model {
  validate(): void;
}

/** The kinds the chart may render, with the model whose JSON schema checks them. A new kind must be added here. */
const MODELS: Record<string, new (data: never) => Model> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
};

/** Validates every rendered manifest against its Kubernetes (or KEDA) schema; returns the problems. */
export function validateManifests(chart: RenderedChart): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { file, manifest } of chart.manifests) {
    const key = `${manifest.apiVersion}/${manifest.kind}`;
    const where = `${file} ${manifest.kind}/${manifest.metadata?.name}`;
    if (seen.has(`${key}/${manifest.metadata?.name}`)) problems.push(`${where}: rendered twice`);
    seen.add(`${key}/${manifest.metadata?.name}`);
    const ModelClass = MODELS[key];
    if (!ModelClass) {
      problems.push(`${where}: no schema known for ${key} (add it to validate-manifests.ts)`);
      continue;
    }
    try {
      new ModelClass(manifest as never).validate();
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  return problems;
}
