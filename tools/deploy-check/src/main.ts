// `helm template` / `helm lint` for deploy/helm/zmp-manual without helm:
//   npx tsx tools/deploy-check/src/main.ts [render|check] [-f values.yaml]… [--name release] [--namespace ns]
// render prints the manifests; check (the default) prints the problems of the chart and the Dockerfiles and
// exits 1 when there is one.
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { checkChart } from './chart/check-chart';
import { ChartError } from './chart/render-chart';
import { checkDockerfile } from './docker/check-dockerfile';

const workspaceRoot = resolve(__dirname, '../../..');
const argv = process.argv.slice(2);
const command = argv[0] === 'render' || argv[0] === 'check' ? argv.shift() : 'check';
const option = (flag: string) => argv.flatMap((arg, i) => (arg === flag && argv[i + 1] ? [argv[i + 1]] : []));

try {
  const { chart, problems } = checkChart(workspaceRoot, join(workspaceRoot, 'deploy/helm/zmp-manual'), {
    valuesFiles: option('-f').map((file) => resolve(file)),
    releaseName: option('--name')[0],
    namespace: option('--namespace')[0],
  });
  if (command === 'render') {
    for (const { file, manifest } of chart.manifests) process.stdout.write(`---\n# Source: zmp-manual/templates/${file}\n${stringify(manifest)}`);
  } else {
    problems.push(...checkDockerfile({ workspaceRoot, app: 'api', port: 8000 }), ...checkDockerfile({ workspaceRoot, app: 'worker', port: 8081 }));
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    process.stdout.write(problems.length ? `${problems.length} problem(s)\n` : `chart (${chart.manifests.length} manifests) and Dockerfiles: OK\n`);
  }
  process.exitCode = problems.length ? 1 : 0;
} catch (error) {
  process.stderr.write(`${error instanceof ChartError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
