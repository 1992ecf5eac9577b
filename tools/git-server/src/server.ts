import { createServer } from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { authPolicy } from './auth';
import { gitRunner } from './git-cli';
import { GitServerError } from './git-server-error';
import { gitEnvironment } from './git-env';
import { branchName, repositoryName } from './names';
import { RepositoryStore } from './repositories';
import { gitRequestHandler } from './request-handler';
import { StatsRecorder } from './stats';
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { GitServer, GitServerOptions } from './types';

/** How long `stop()` waits for requests in flight and their git processes before killing them (twice at most). */
const STOP_GRACE_MS = 5000;

/**
 * Starts a smart-HTTP git server: `git http-backend` behind a `node:http` bridge with Basic/Bearer authentication.
 * Resolves once it listens.
 */
export async function startGitServer(options: GitServerOptions = {}): Promise<GitServer> {
  const policy = authPolicy(options.credentials, options.tokens, options.anonymousRead ?? false);
  const defaultBranch = branchName(options.defaultBranch ?? 'main');
  const binary = options.gitBinary ?? 'git';
  const host = options.host ?? '127.0.0.1';

  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GitServerError('invalid_option', `port must be an integer 0-65535, got ${String(port)}`, { subject: 'port' });
  }

  const ownedDirs: string[] = [];
  const removeOwnedDirs = () => Promise.all(ownedDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  let home: string;
  let root: string;
  let started = false;
  try {
    home = await mkdtemp(join(tmpdir(), 'zmp-git-home-'));
    ownedDirs.push(home);
    if (options.root === undefined) {
      root = await mkdtemp(join(tmpdir(), 'zmp-git-repos-'));
      ownedDirs.push(root);
    } else {
      root = resolve(options.root);
      try {
        await mkdir(root, { recursive: true });
      } catch (error) {
        const reason = error instanceof Error && 'code' in error ? String(error.code) : 'error';
        throw new GitServerError('invalid_option', `cannot create root ${root} (${reason})`, { subject: 'root' });
      }
    }
    started = true;
  } finally {
    if (!started) await removeOwnedDirs();
  }

  const env = gitEnvironment({ home, allowForcePush: options.allowForcePush ?? false });
  const store = new RepositoryStore({ root, git: gitRunner(binary, env), defaultBranch });
  const children = new Set<ChildProcess>();
  const pending = new Set<Promise<void>>();
  const stats = new StatsRecorder();
  const server = createServer(
    gitRequestHandler({
      policy,
      store,
      stats,
      cgi: { binary, env, projectRoot: root, children },
      autoCreate: options.autoCreate ?? true,
      log: options.log,
      pending,
    }),
  );

  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(port, host, () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    });
  } catch (error) {
    await removeOwnedDirs();
    throw error;
  }

  const boundPort = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  let closing: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  const close = async () => {
    const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    server.closeAllConnections();
    for (const child of children) child.kill('SIGTERM');
    await closed;
    // Requests in flight (a repository being created, a push being recorded) and their git processes end
    // before the directories go; whatever is still running after the grace period is killed.
    if (!(await settled([...pending, ...[...children].map(exited)], STOP_GRACE_MS))) {
      for (const child of children) child.kill('SIGKILL');
      await settled([...pending, ...[...children].map(exited)], STOP_GRACE_MS);
    }
  };

  return {
    url,
    port: boundPort,
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
        closing ??= close();
        await closing;
        await removeOwnedDirs();
      })().catch((error: unknown) => {
        // A failed removal may be retried by a later stop().
        stopping = undefined;
        throw error;
      });
      return stopping;
    },
  };
}

/** Whether every promise settled within `ms`. */
async function settled(promises: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(false), ms);
  });
  try {
    return await Promise.race([Promise.allSettled(promises).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when the child process has exited (at once when it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => child.once('close', () => resolveExit()));
}
