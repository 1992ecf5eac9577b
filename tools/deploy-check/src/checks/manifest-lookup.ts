import type { Manifest, RenderedChart } from '../chart/render-chart';

export interface Probe {
  httpGet?: { path?: string; port?: number | string };
}

export interface Container {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: { name: string }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
}

export interface Workload extends Manifest {
  spec: {
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: { containers: Container[]; terminationGracePeriodSeconds?: number; volumes?: { name: string }[] };
    };
    volumeClaimTemplates?: { metadata: { name: string } }[];
  };
}

export const ofKind = <T extends Manifest = Manifest>(chart: RenderedChart, kind: string): T[] =>
  chart.manifests.filter(({ manifest }) => manifest.kind === kind).map(({ manifest }) => manifest as T);

export const workloads = (chart: RenderedChart): Workload[] => [
  ...ofKind<Workload>(chart, 'Deployment'),
  ...ofKind<Workload>(chart, 'StatefulSet'),
];

/** Every label of `selector` is on `labels` with the same value. */
export const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>): boolean =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

/** The keys a container's environment gets from the rendered ConfigMaps and Secrets, or `null` for a source the
 * chart does not render (an existing Secret). */
export function environmentOf(chart: RenderedChart, container: Container): { keys: Map<string, string>; external: string[] } {
  const keys = new Map<string, string>();
  const external: string[] = [];
  const data = (kind: string, name: string): Record<string, string> | undefined =>
    ofKind(chart, kind).find((manifest) => manifest.metadata.name === name)?.data as Record<string, string> | undefined;
  for (const source of container.envFrom ?? []) {
    const [kind, name] = source.configMapRef ? ['ConfigMap', source.configMapRef.name] : ['Secret', source.secretRef?.name ?? ''];
    const found = data(kind, name);
    if (!found && kind === 'Secret') external.push(name);
    else if (!found) keys.set(`(missing ConfigMap ${name})`, '');
    for (const [key, value] of Object.entries(found ?? {})) {
      keys.set(key, kind === 'Secret' ? Buffer.from(value, 'base64').toString('utf8') : value);
    }
  }
  for (const variable of container.env ?? []) keys.set(variable.name, '');
  return { keys, external };
}
