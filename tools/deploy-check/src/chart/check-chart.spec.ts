import { join, resolve } from 'node:path';
import { crossCheck } from '../checks/cross-check';
import { documentedVariables } from '../checks/documented-variables';
import type { Workload } from '../checks/manifest-lookup';
import { validateManifests } from '../checks/validate-manifests';
import { checkChart } from './check-chart';
import { ChartError, renderChart, type RenderedChart } from './render-chart';

const workspaceRoot = resolve(__dirname, '../../../..');
const chartDir = join(workspaceRoot, 'deploy/helm/zmp-manual');
const fixture = (name: string) => join(__dirname, '../../fixtures', name);
const variables = documentedVariables(workspaceRoot);

const kinds = (chart: RenderedChart) => chart.manifests.map(({ manifest }) => `${manifest.kind}/${manifest.metadata.name}`).sort();
const find = <T>(chart: RenderedChart, kind: string, name: string) =>
  chart.manifests.find(({ manifest }) => manifest.kind === kind && manifest.metadata.name === name)?.manifest as T;

describe('the zmp-manual chart', () => {
  it('renders with the default values, valid against the Kubernetes schemas and consistent', () => {
    const { chart, problems } = checkChart(workspaceRoot, chartDir);
    expect(problems).toEqual([]);
    expect(kinds(chart)).toEqual([
      'ConfigMap/release-zmp-manual-api',
      'ConfigMap/release-zmp-manual-shared',
      'ConfigMap/release-zmp-manual-worker',
      'Deployment/release-zmp-manual-api',
      'PodDisruptionBudget/release-zmp-manual-api',
      'PodDisruptionBudget/release-zmp-manual-worker',
      'Secret/release-zmp-manual',
      'Service/release-zmp-manual-api',
      'Service/release-zmp-manual-worker',
      'StatefulSet/release-zmp-manual-worker',
    ]);
    const worker = find<Workload>(chart, 'StatefulSet', 'release-zmp-manual-worker');
    expect(worker.spec.template.spec.terminationGracePeriodSeconds).toBe(90);
    expect(worker.spec.volumeClaimTemplates?.map((claim) => claim.metadata.name)).toEqual(['data']);
    expect(chart.notes).toContain('kubectl -n default port-forward svc/release-zmp-manual-api 8000:80');
  });

  it('renders every option turned on: SSE ingress, KEDA on the Bull wait list, two solutions', () => {
    const { chart, problems } = checkChart(workspaceRoot, chartDir, { valuesFiles: [fixture('values-all-on.yaml')], namespace: 'docs' });
    expect(problems).toEqual([]);
    expect(kinds(chart)).toEqual(expect.arrayContaining(['Ingress/zmp', 'ScaledObject/zmp-worker', 'TriggerAuthentication/zmp-worker-redis']));
    const ingress = find<{ metadata: { annotations: Record<string, string> } }>(chart, 'Ingress', 'zmp');
    expect(ingress.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-body-size': '256k',
      'cert-manager.io/cluster-issuer': 'letsencrypt',
    });
    const scaled = find<{ spec: { triggers: { metadata: Record<string, string> }[]; minReplicaCount: number } }>(chart, 'ScaledObject', 'zmp-worker');
    expect(scaled.spec.triggers[0].metadata).toMatchObject({ listName: 'prod:bull:publish:wait', address: 'redis-master:6379', listLength: '2' });
    expect(scaled.spec.minReplicaCount).toBe(1);
    const shared = find<{ data: Record<string, string> }>(chart, 'ConfigMap', 'zmp-shared');
    expect(shared.data).toMatchObject({ SOLUTIONS: 'zcp,my-docs', MY_DOCS_BRANCH: 'main', MY_DOCS_ROOT_PAGE_ID: '29ab7135-d33b-803b-8ea7-ff3e366f707d' });
    const secret = find<{ data: Record<string, string> }>(chart, 'Secret', 'zmp');
    expect(Buffer.from(secret.data.NOTION_WEBHOOK_MY_DOCS_SECRET, 'base64').toString()).toBe('');
    const worker = find<Workload>(chart, 'StatefulSet', 'zmp-worker');
    expect(worker.spec).not.toHaveProperty('replicas');
    expect(worker.spec.template.spec.containers[0].ports).toEqual([{ name: 'health', containerPort: 9090, protocol: 'TCP' }]);
  });

  it('renders the HPA variant with an existing Secret and no volume', () => {
    const { chart, problems } = checkChart(workspaceRoot, chartDir, { valuesFiles: [fixture('values-hpa-existing-secret.yaml')] });
    expect(problems).toEqual([]);
    expect(kinds(chart)).toContain('HorizontalPodAutoscaler/release-zmp-manual-worker');
    expect(kinds(chart)).not.toContain('Secret/release-zmp-manual');
    const worker = find<Workload>(chart, 'StatefulSet', 'release-zmp-manual-worker');
    expect(worker.spec.volumeClaimTemplates).toBeUndefined();
    expect(worker.spec.template.spec.containers[0].envFrom).toContainEqual({ secretRef: { name: 'zmp-manual-secrets' } });
  });

  it('refuses values that break the schema, naming each problem', () => {
    expect(() => renderChart(chartDir, { valuesFiles: [fixture('values-bad-types.yaml')] })).toThrow(
      new ChartError([
        'values api.config must NOT have additional properties: RATE_LIMT_PER_MINUTE',
        'values api.config.PORT must be string',
        'values worker.autoscaling.mode must be equal to one of the allowed values: ["keda","hpa"]',
      ]),
    );
  });

  it('refuses a pod grace period that does not outlast SHUTDOWN_GRACE_MS', () => {
    expect(() => renderChart(chartDir, { valuesFiles: [fixture('values-short-grace.yaml')] })).toThrow(
      'configmap-shared.yaml:3: worker.terminationGracePeriodSeconds (60) must be more than SHUTDOWN_GRACE_MS / 1000 + 10 (70)',
    );
  });

  describe('the checks catch a broken rendering', () => {
    const broken = (edit: (chart: RenderedChart) => void): RenderedChart => {
      const chart = renderChart(chartDir);
      edit(chart);
      return chart;
    };
    const workload = (chart: RenderedChart, kind: string) =>
      chart.manifests.find(({ manifest }) => manifest.kind === kind)?.manifest as Workload;

    it('a manifest the Kubernetes schema refuses', () => {
      const chart = broken((c) => {
        (workload(c, 'Deployment').spec.template.spec.containers[0].ports as unknown as { containerPort: string }[])[0].containerPort = 'http';
      });
      expect(validateManifests(chart)).toEqual([
        'api-deployment.yaml Deployment/release-zmp-manual-api: data/spec/template/spec/containers/0/ports/0/containerPort must be integer',
      ]);
    });

    it('a setting the apps read that no ConfigMap or Secret sets', () => {
      const chart = broken((c) => {
        const shared = c.manifests.find(({ manifest }) => manifest.metadata.name === 'release-zmp-manual-shared')?.manifest as unknown as { data: Record<string, string> };
        delete shared.data.REDIS_KEY_PREFIX;
        delete shared.data.ZCP_ROOT_PAGE_ID;
      });
      expect(crossCheck({ chart, variables })).toEqual([
        'Deployment/release-zmp-manual-api: not set from a ConfigMap or Secret: REDIS_KEY_PREFIX, ZCP_ROOT_PAGE_ID',
        'StatefulSet/release-zmp-manual-worker: not set from a ConfigMap or Secret: REDIS_KEY_PREFIX, ZCP_ROOT_PAGE_ID',
      ]);
    });

    it('a probe on an undeclared port, a selector that matches nothing, a short grace period', () => {
      const chart = broken((c) => {
        const api = workload(c, 'Deployment');
        api.spec.template.spec.containers[0].readinessProbe = { httpGet: { path: '/health/ready', port: 9999 } };
        const service = c.manifests.find(({ manifest }) => manifest.kind === 'Service')?.manifest as unknown as { spec: { selector: Record<string, string> } };
        service.spec.selector['app.kubernetes.io/component'] = 'apl';
        workload(c, 'StatefulSet').spec.template.spec.terminationGracePeriodSeconds = 60;
      });
      expect(crossCheck({ chart, variables })).toEqual([
        'Deployment/release-zmp-manual-api: readinessProbe port 9999 is not a declared container port',
        'StatefulSet/release-zmp-manual-worker: terminationGracePeriodSeconds 60 s is not longer than SHUTDOWN_GRACE_MS 60000 ms',
        'Service/release-zmp-manual-api: its selector matches no pod template',
      ]);
    });
  });

  it('reads every variable the apps document', () => {
    expect(variables.api).toEqual(expect.arrayContaining(['PORT', 'DOWNLOAD_SIGNING_SECRET', 'NOTION_WEBHOOK_<SOL>_SECRET', 'NOTION_TOKEN']));
    expect(variables.worker).toEqual(expect.arrayContaining(['SHUTDOWN_GRACE_MS', '<SOL>_REPO_URL', 'GIT_AUTHOR_EMAIL']));
    expect(variables.api.length).toBeGreaterThan(45);
    expect(variables.worker.length).toBeGreaterThan(40);
  });
});
