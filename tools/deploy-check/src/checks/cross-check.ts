import type { RenderedChart } from '../chart/render-chart';
import { expandSolutions } from './documented-variables';
import { type Container, environmentOf, ofKind, selects, type Workload, workloads } from './manifest-lookup';

export interface CrossCheckInput {
  chart: RenderedChart;
  /** The variables each app reads (documentedVariables). */
  variables: { api: string[]; worker: string[] };
}

const component = (workload: Workload) => workload.spec.template.metadata.labels['app.kubernetes.io/component'];

function portOf(container: Container, port: number | string | undefined): number | undefined {
  return container.ports?.find((p) => p.name === port || p.containerPort === port)?.containerPort;
}

function checkProbes(where: string, container: Container, problems: string[]): void {
  const expected = { livenessProbe: '/health/live', readinessProbe: '/health/ready', startupProbe: '/health/live' } as const;
  for (const [probe, path] of Object.entries(expected)) {
    const get = container[probe as keyof typeof expected]?.httpGet;
    if (!get) {
      if (probe !== 'startupProbe') problems.push(`${where}: no ${probe}`);
      continue;
    }
    if (get.path !== path) problems.push(`${where}: ${probe} asks ${get.path}, the app answers ${path}`);
    if (portOf(container, get.port) === undefined) problems.push(`${where}: ${probe} port ${get.port} is not a declared container port`);
  }
}

function checkApp(input: CrossCheckInput, workload: Workload, problems: string[]): void {
  const name = component(workload) as 'api' | 'worker';
  const where = `${workload.kind}/${workload.metadata.name}`;
  const container = workload.spec.template.spec.containers[0];
  checkProbes(where, container, problems);
  const { keys, external } = environmentOf(input.chart, container);
  for (const key of keys.keys()) if (key.startsWith('(missing')) problems.push(`${where}: envFrom ${key.slice(1, -1)}`);
  const solutions = (keys.get('SOLUTIONS') ?? '').split(',').filter(Boolean);
  const secretKeys = Object.keys((input.chart.values.secrets as { values: object }).values);
  const missing = expandSolutions(input.variables[name], solutions).filter(
    (variable) => !keys.has(variable) && !(external.length && (secretKeys.includes(variable) || /^NOTION_WEBHOOK_.*_SECRET$/.test(variable))),
  );
  if (missing.length) problems.push(`${where}: not set from a ConfigMap or Secret: ${missing.join(', ')}`);
  const portVariable = name === 'api' ? 'PORT' : 'WORKER_HEALTH_PORT';
  const declared = container.ports?.map((p) => p.containerPort) ?? [];
  if (!declared.includes(Number(keys.get(portVariable)))) {
    problems.push(`${where}: ${portVariable}=${keys.get(portVariable)} is not a container port (${declared.join(', ')})`);
  }
  if (name !== 'worker') return;
  const graceMs = Number(keys.get('SHUTDOWN_GRACE_MS') || 60000);
  const podGrace = workload.spec.template.spec.terminationGracePeriodSeconds ?? 30;
  if (podGrace * 1000 <= graceMs) {
    problems.push(`${where}: terminationGracePeriodSeconds ${podGrace} s is not longer than SHUTDOWN_GRACE_MS ${graceMs} ms`);
  }
  const dataDir = keys.get('WORKER_DATA_DIR');
  if (!container.volumeMounts?.some((mount) => mount.mountPath === dataDir)) {
    problems.push(`${where}: no volume is mounted at WORKER_DATA_DIR=${dataDir}`);
  }
}

function checkSelectors(input: CrossCheckInput, problems: string[]): void {
  const pods = workloads(input.chart);
  for (const service of ofKind<Workload>(input.chart, 'Service')) {
    const spec = service.spec as unknown as { selector: Record<string, string>; ports: { targetPort: number | string }[] };
    const target = pods.find((pod) => selects(spec.selector, pod.spec.template.metadata.labels));
    if (!target) problems.push(`Service/${service.metadata.name}: its selector matches no pod template`);
    for (const port of spec.ports) {
      if (target && portOf(target.spec.template.spec.containers[0], port.targetPort) === undefined) {
        problems.push(`Service/${service.metadata.name}: targetPort ${port.targetPort} is not a port of ${target.metadata.name}`);
      }
    }
  }
  for (const pdb of ofKind<Workload>(input.chart, 'PodDisruptionBudget')) {
    if (!pods.some((pod) => selects(pdb.spec.selector.matchLabels, pod.spec.template.metadata.labels))) {
      problems.push(`PodDisruptionBudget/${pdb.metadata.name}: its selector matches no pod template`);
    }
  }
  for (const pod of pods) {
    if (!selects(pod.spec.selector.matchLabels, pod.spec.template.metadata.labels)) {
      problems.push(`${pod.kind}/${pod.metadata.name}: spec.selector does not match its own pod labels`);
    }
  }
}

function checkReferences(input: CrossCheckInput, problems: string[]): void {
  const services = ofKind(input.chart, 'Service');
  for (const ingress of ofKind(input.chart, 'Ingress')) {
    const rules = (ingress.spec as { rules: { http: { paths: { backend: { service: { name: string; port: { name?: string } } } }[] } }[] }).rules;
    for (const { backend } of rules.flatMap((rule) => rule.http.paths)) {
      const service = services.find((s) => s.metadata.name === backend.service.name);
      const ports = (service?.spec as { ports: { name: string }[] } | undefined)?.ports ?? [];
      if (!service || !ports.some((port) => port.name === backend.service.port.name)) {
        problems.push(`Ingress/${ingress.metadata.name}: backend ${backend.service.name}:${backend.service.port.name} is not a Service port`);
      }
    }
  }
  const scalers = [...ofKind(input.chart, 'ScaledObject'), ...ofKind(input.chart, 'HorizontalPodAutoscaler')];
  for (const scaler of scalers) {
    const ref = (scaler.spec as { scaleTargetRef: { kind?: string; name: string } }).scaleTargetRef;
    const target = workloads(input.chart).find((w) => w.metadata.name === ref.name && w.kind === (ref.kind ?? 'Deployment'));
    if (!target || component(target) !== 'worker') problems.push(`${scaler.kind}/${scaler.metadata.name}: scaleTargetRef is not the worker`);
    if (target?.spec && 'replicas' in target.spec) problems.push(`${target.kind}/${target.metadata.name}: sets replicas while autoscaled`);
  }
  for (const scaled of ofKind(input.chart, 'ScaledObject')) {
    const prefix = (input.chart.values.config as Record<string, string>).REDIS_KEY_PREFIX;
    const triggers = (scaled.spec as { triggers: { type: string; metadata: { listName?: string } }[] }).triggers;
    for (const trigger of triggers.filter((t) => t.type === 'redis')) {
      if (trigger.metadata.listName !== `${prefix}bull:publish:wait`) {
        problems.push(`ScaledObject/${scaled.metadata.name}: listName ${trigger.metadata.listName} is not Bull's wait list ${prefix}bull:publish:wait`);
      }
    }
  }
}

/** Checks what the schemas cannot: the manifests agree with each other and with what the apps read. */
export function crossCheck(input: CrossCheckInput): string[] {
  const problems: string[] = [];
  const apps = workloads(input.chart);
  for (const wanted of ['api', 'worker']) {
    if (!apps.some((workload) => component(workload) === wanted)) problems.push(`no ${wanted} workload rendered`);
  }
  for (const workload of apps) checkApp(input, workload, problems);
  checkSelectors(input, problems);
  checkReferences(input, problems);
  return problems;
}
