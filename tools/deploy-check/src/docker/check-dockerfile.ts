import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerignore } from './dockerignore';
import { copyArgs, parseDockerfile, type Stage } from './parse-dockerfile';

export interface DockerfileCheckInput {
  workspaceRoot: string;
  /** deploy/<app>.Dockerfile */
  app: 'api' | 'worker';
  /** The port the app listens on by default (PORT / WORKER_HEALTH_PORT). */
  port: number;
  /** Read instead of the file (tests). */
  source?: string;
}

/** node 20 on Debian bookworm, slim, with the full version (and optionally a digest): never `latest` or `20`. */
const PINNED_BASE = /^node:20\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/;

const args = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);

function checkBases(file: string, globalArgs: Map<string, string>, stages: Stage[], problems: string[]): void {
  const names = new Set<string>();
  for (const stage of stages) {
    const base = stage.base.replace(/^\$\{?([A-Z_]+)\}?$/, (_, name: string) => globalArgs.get(name) ?? `<unset ${name}>`);
    if (!names.has(stage.base) && !PINNED_BASE.test(base)) {
      problems.push(`${file}: stage ${stage.name} is FROM ${base}: use a pinned node:20.x.y-bookworm-slim`);
    }
    if (names.has(stage.name)) problems.push(`${file}: two stages named ${stage.name}`);
    for (const copy of args(stage, 'COPY')) {
      const { from } = copyArgs(copy.args);
      if (from && !names.has(from)) problems.push(`${file}:${copy.line}: COPY --from=${from}: no earlier stage of that name`);
    }
    names.add(stage.name);
  }
}

function checkContextFiles(input: DockerfileCheckInput, file: string, stages: Stage[], problems: string[]): void {
  const ignorePath = join(input.workspaceRoot, `${file}.dockerignore`);
  if (!existsSync(ignorePath)) problems.push(`${file}: no ${file}.dockerignore (the host's node_modules would enter the context)`);
  const ignored = existsSync(ignorePath) ? dockerignore(readFileSync(ignorePath, 'utf8')) : () => false;
  for (const wanted of ['node_modules', 'apps/api/dist', '.git']) {
    if (!ignored(wanted)) problems.push(`${file}.dockerignore: ${wanted} is not ignored`);
  }
  const contextPaths = stages.flatMap((stage) => [
    ...args(stage, 'COPY').flatMap((copy) => (copyArgs(copy.args).from ? [] : copyArgs(copy.args).sources)),
    ...args(stage, 'RUN').flatMap((run) => [...run.args.matchAll(/\bnode (\S+\.m?js)\b/g)].map((match) => match[1])),
  ]);
  for (const path of contextPaths.filter((p) => p !== '.')) {
    if (!existsSync(join(input.workspaceRoot, path))) problems.push(`${file}: ${path} does not exist in the repository`);
    else if (ignored(path)) problems.push(`${file}: ${path} is excluded by ${file}.dockerignore`);
  }
}

function checkBuild(input: DockerfileCheckInput, file: string, stages: Stage[], problems: string[]): void {
  const runs = stages.flatMap((stage) => args(stage, 'RUN').map((run) => run.args));
  if (!runs.some((run) => new RegExp(`nx run-many -t build -p ${input.app}\\b`).test(run))) {
    problems.push(`${file}: no RUN npx nx run-many -t build -p ${input.app}`);
  }
  if (!runs.some((run) => run.includes(`pack-runtime.mjs ${input.app} /out`))) {
    problems.push(`${file}: no RUN node deploy/docker/pack-runtime.mjs ${input.app} /out`);
  }
  const tsconfig = JSON.parse(readFileSync(join(input.workspaceRoot, 'apps', input.app, 'tsconfig.build.json'), 'utf8')) as {
    compilerOptions: { outDir?: string; rootDir?: string };
  };
  const { outDir, rootDir } = tsconfig.compilerOptions;
  if (outDir !== 'dist' || rootDir !== 'src' || !existsSync(join(input.workspaceRoot, 'apps', input.app, 'src/main.ts'))) {
    problems.push(`apps/${input.app}: nx build no longer produces dist/main.js from src/main.ts (outDir ${outDir}, rootDir ${rootDir})`);
  }
}

function checkRuntime(input: DockerfileCheckInput, file: string, stage: Stage, problems: string[]): void {
  const user = args(stage, 'USER').pop()?.args.split(':')[0];
  if (!user) problems.push(`${file}: the final stage sets no USER (it would run as root)`);
  else if (user === 'root' || user === '0' || !/^[1-9][0-9]*$/.test(user)) {
    problems.push(`${file}: USER ${user}: use a numeric uid other than 0 (runAsNonRoot can verify it)`);
  }
  const workdir = args(stage, 'WORKDIR').pop()?.args;
  const cmd = args(stage, 'CMD').pop()?.args;
  if (cmd !== '["node", "dist/main.js"]') problems.push(`${file}: CMD ${cmd}: expected the exec form ["node", "dist/main.js"]`);
  const copiesDist = args(stage, 'COPY').some((copy) => {
    const { from, sources, destination } = copyArgs(copy.args);
    return from === 'build' && sources[0] === '/out/dist' && (destination === './dist' || destination === `${workdir}/dist`);
  });
  if (!copiesDist) problems.push(`${file}: the final stage does not COPY --from=build /out/dist to ${workdir}/dist (CMD's file)`);
  if (args(stage, 'RUN').some((run) => /npm (install|ci)\b/.test(run.args))) problems.push(`${file}: npm install in the final stage`);
  const health = args(stage, 'HEALTHCHECK').pop()?.args ?? '';
  if (!health.includes('/health/live') || !health.includes(String(input.port))) {
    problems.push(`${file}: no HEALTHCHECK on /health/live port ${input.port}`);
  }
  if (!args(stage, 'EXPOSE').some((expose) => expose.args.split(/\s+/).includes(String(input.port)))) {
    problems.push(`${file}: does not EXPOSE ${input.port}`);
  }
}

/** Static checks of deploy/<app>.Dockerfile, for a machine with no Docker daemon. Returns the problems. */
export function checkDockerfile(input: DockerfileCheckInput): string[] {
  const file = `deploy/${input.app}.Dockerfile`;
  const { globalArgs, stages } = parseDockerfile(input.source ?? readFileSync(join(input.workspaceRoot, file), 'utf8'));
  const problems: string[] = [];
  if (!stages.length) return [`${file}: no FROM`];
  checkBases(file, globalArgs, stages, problems);
  checkContextFiles(input, file, stages, problems);
  checkBuild(input, file, stages, problems);
  checkRuntime(input, file, stages[stages.length - 1], problems);
  const deps = stages.find((stage) => stage.name === 'deps');
  const installs = deps ? args(deps, 'RUN').filter((run) => /npm install/.test(run.args)) : [];
  if (!installs.length || installs.some((run) => !run.args.includes('--omit=dev'))) {
    problems.push(`${file}: the deps stage must install with npm install --omit=dev`);
  }
  if (input.app === 'worker') {
    const last = stages[stages.length - 1];
    const env = args(last, 'ENV').map((e) => e.args).join(' ');
    const dataDir = /WORKER_DATA_DIR=(\S+)/.exec(env)?.[1];
    if (!dataDir) problems.push(`${file}: no ENV WORKER_DATA_DIR`);
    else {
      if (!args(last, 'VOLUME').some((volume) => volume.args.includes(`"${dataDir}"`))) problems.push(`${file}: ${dataDir} is not a VOLUME`);
      if (!args(last, 'RUN').some((run) => run.args.includes(`chown 1000:1000 ${dataDir}`))) {
        problems.push(`${file}: ${dataDir} is not made writable by the non-root user`);
      }
    }
  }
  return problems;
}
