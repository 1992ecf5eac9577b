import { createServer } from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { authPolicy } from './auth';
import { gitRunner } from './git-cli';
import { gitEnvironment } from './git-env';
import { branchName, repositoryName } from './names';
import { RepositoryStore } from './repositories';
import { gitRequestHandler } from './request-handler';
import { StatsRecorder } from './stats';
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { GitServer, GitServerOptions } from './types';

/**
 * Starts a smart-HTTP git server: `git http-backend` behind a `node:http` bridge with Basic/Bearer authentication.
 * Resolves once it listens.
 */
export async function startGitServer(options: GitServerOptions = {}): Promise<GitServer> {
  const policy = authPolicy(options.credentials, options.tokens, options.anonymousRead ?? false);
  const defaultBranch = branchName(options.defaultBranch ?? 'main');
  const binary = options.gitBinary ?? 'git';
  const host = options.host ?? '127.0.0.1';

  const ownedDirs: string[] = [];
  const home = await mkdtemp(join(tmpdir(), 'zmp-git-home-'));
  ownedDirs.push(home);
  let root: string;
  if (options.root === undefined) {
    root = await mkdtemp(join(tmpdir(), 'zmp-git-repos-'));
    ownedDirs.push(root);
  } else {
    root = resolve(options.root);
    await mkdir(root, { recursive: true });
  }
  const removeOwnedDirs = () => Promise.all(ownedDirs.map((dir) => rm(dir, { recursive: true, force: true })));

  const env = gitEnvironment({ home, allowForcePush: options.allowForcePush ?? false });
  const store = new RepositoryStore({ root, git: gitRunner(binary, env), defaultBranch });
  const children = new Set<ChildProcess>();
  const stats = new StatsRecorder();
  const server = createServer(
    gitRequestHandler({
      policy,
      store,
      stats,
      cgi: { binary, env, projectRoot: root, children },
      autoCreate: options.autoCreate ?? true,
      log: options.log,
    }),
  );

  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    });
  } catch (error) {
    await removeOwnedDirs();
    throw error;
  }

  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let stopping: Promise<void> | undefined;

  return {
    url,
    port,
    root,
    repoUrl: (name) => `${url}/${repositoryName(name)}.git`,
    repoPath: (name) => store.path(name),
    createRepository: async (name, createOptions) => {
      const commit = await store.create(name, createOptions);
      const canonical = repositoryName(name);
      return { name: canonical, path: store.path(canonical), url: `${url}/${canonical}.git`, commit };
    },
    hasRepository: (name) => store.exists(name),
    readFile: (name, ref, path) => store.readFile(name, ref, path),
    resolveRef: (name, ref) => store.resolveRef(name, ref),
    log: (name, ref) => store.log(name, ref),
    stats: () => stats.snapshot(),
    stop: () => {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        server.closeAllConnections();
        for (const child of children) child.kill('SIGTERM');
        await closed;
        await removeOwnedDirs();
      })();
      return stopping;
    },
  };
}
