import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkDockerfile } from './check-dockerfile';
import { dockerignore } from './dockerignore';

const workspaceRoot = resolve(__dirname, '../../../..');
const source = (app: string) => readFileSync(join(workspaceRoot, `deploy/${app}.Dockerfile`), 'utf8');

describe('the Dockerfiles', () => {
  it('pass the static checks', () => {
    expect(checkDockerfile({ workspaceRoot, app: 'api', port: 8000 })).toEqual([]);
    expect(checkDockerfile({ workspaceRoot, app: 'worker', port: 8081 })).toEqual([]);
  });

  it('refuse root, an unpinned base, a missing COPY source and a shell-form CMD', () => {
    const broken = source('api')
      .replace('USER 1000:1000', 'USER root')
      .replace('ARG NODE_IMAGE=node:20.20.2-bookworm-slim', 'ARG NODE_IMAGE=node:20-slim')
      .replace('COPY . .', 'COPY . .\nCOPY deploy/nope.sh ./')
      .replace('CMD ["node", "dist/main.js"]', 'CMD node dist/server.js');
    expect(checkDockerfile({ workspaceRoot, app: 'api', port: 8000, source: broken })).toEqual(
      expect.arrayContaining([
        'deploy/api.Dockerfile: stage build is FROM node:20-slim: use a pinned node:20.x.y-bookworm-slim',
        'deploy/api.Dockerfile: deploy/nope.sh does not exist in the repository',
        'deploy/api.Dockerfile: USER root: use a numeric uid other than 0 (runAsNonRoot can verify it)',
        'deploy/api.Dockerfile: CMD node dist/server.js: expected the exec form ["node", "dist/main.js"]',
      ]),
    );
  });

  it('refuse a worker without its data volume and a runtime with dev dependencies', () => {
    const broken = source('worker').replace('VOLUME ["/data"]', '').replace('npm install --omit=dev', 'npm install');
    expect(checkDockerfile({ workspaceRoot, app: 'worker', port: 8081, source: broken })).toEqual([
      'deploy/worker.Dockerfile: the deps stage must install with npm install --omit=dev',
      'deploy/worker.Dockerfile: /data is not a VOLUME',
    ]);
  });

  it('reads .dockerignore patterns as Docker does', () => {
    const ignored = dockerignore('.git\n/tmp\n**/node_modules\n**/dist\n!keep/dist\n# comment');
    expect(['.git', 'tmp/x', 'node_modules', 'apps/api/node_modules/a', 'libs/x/dist/index.js'].filter(ignored)).toHaveLength(5);
    expect(['apps/tmp', 'deploy/docker/pack-runtime.mjs', 'keep/dist/a', 'distance'].filter(ignored)).toEqual([]);
  });
});
