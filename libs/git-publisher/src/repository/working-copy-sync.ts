import * as git from 'isomorphic-git';
import { isNonFastForward } from '../errors/error-classifier';
import { GitPublisherError } from '../errors/git-publisher-error';
import { repositoryKey } from '../repository-key';
import { advertiseHeadAs } from './advertised-head';
import type { GitContext } from './git-context';
import { readRemoteBranches } from './remote-branches';
import type { SyncResult } from './repository.types';
import { listDir, removeTree } from './working-copy-fs';
import { headOf, resetWorkingCopy } from './working-copy-reset';

/** Message of the first commit of a branch created on an empty remote. */
const INITIAL_MESSAGE = 'chore: initialize branch';

async function hasWorkingCopy(context: GitContext): Promise<boolean> {
  return (await listDir(context.fs, `${context.dir}/.git`)) !== undefined;
}

/** Refuses a folder that holds something else; repairs an origin URL that still carries credentials. */
async function checkOrigin(context: GitContext): Promise<void> {
  const common = { fs: context.fs, dir: context.dir };
  const origin: unknown = await git.getConfig({ ...common, path: 'remote.origin.url' });
  const sameRepository =
    typeof origin === 'string' && safeKey(origin) === safeKey(context.url);
  if (!sameRepository) {
    throw new GitPublisherError('conflict', `${context.dir} holds a working copy of another repository`, {
      operation: 'sync',
      repository: context.key,
    });
  }
  if (origin !== context.url) {
    await git.setConfig({ ...common, path: 'remote.origin.url', value: context.url });
    context.log('warn', 'replaced the origin URL of the working copy (it differed, maybe held credentials)');
  }
}

function safeKey(url: string): string | undefined {
  try {
    return repositoryKey(url, '').replace(/#$/, '');
  } catch {
    return undefined;
  }
}

/** Records that our branch tracks the remote's branch of the same name. */
async function trackBranch(context: GitContext): Promise<void> {
  const common = { fs: context.fs, dir: context.dir };
  await git.setConfig({ ...common, path: `branch.${context.branch}.remote`, value: 'origin' });
  await git.setConfig({ ...common, path: `branch.${context.branch}.merge`, value: context.branchRef });
}

/**
 * The entries of a folder about to become a working copy: refuses one that holds files but no working copy,
 * which a hard reset would wipe. `undefined` when the folder does not exist.
 */
async function checkEmptyFolder(context: GitContext, operation: 'clone' | 'sync'): Promise<string[] | undefined> {
  const entries = await listDir(context.fs, context.dir);
  if (entries !== undefined && entries.length > 0) {
    throw new GitPublisherError('conflict', `${context.dir} is not empty and holds no working copy`, {
      operation,
      repository: context.key,
    });
  }
  return entries;
}

/** Clones `branch` into an empty folder, shallow unless the host cannot; removes what it wrote on failure. */
async function clone(context: GitContext, branch: string): Promise<void> {
  const entries = await checkEmptyFolder(context, 'clone');
  // Leave the folder as it was found: empty when it existed, absent when it did not.
  const wipe = async (): Promise<void> => {
    if (entries === undefined) return removeTree(context.fs, context.dir);
    const left = (await listDir(context.fs, context.dir)) ?? [];
    for (const entry of left) await removeTree(context.fs, `${context.dir}/${entry}`);
  };
  const http = advertiseHeadAs(context.http, branch);
  const options = { ...context.remote, http, url: context.url, ref: branch, singleBranch: true, noTags: true };
  try {
    context.log('info', 'cloning', { branch, depth: context.depth ?? 'full' });
    try {
      await git.clone({ ...options, depth: context.depth });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'RemoteCapabilityError' || context.depth === undefined) throw error;
      context.log('warn', 'the git host cannot serve a shallow clone: cloning the whole history');
      await wipe();
      await git.clone(options);
    }
  } catch (error) {
    await wipe().catch(() => undefined);
    throw error;
  }
}

/** Fetches `branch` alone into the working copy; resolves with its tip. */
async function fetchBranch(context: GitContext, branch: string): Promise<string | null> {
  const { fetchHead } = await git.fetch({
    ...context.remote,
    http: advertiseHeadAs(context.http, branch),
    remote: 'origin',
    ref: branch,
    remoteRef: branch,
    singleBranch: true,
    tags: false,
  });
  return fetchHead;
}

/** Creates our branch on the remote: from `base` when given, else as a first, empty commit. */
async function createBranch(context: GitContext, base: string | undefined): Promise<string> {
  let oid = base;
  if (oid === undefined) {
    const common = { fs: context.fs, dir: context.dir };
    const tree = await git.writeTree({ ...common, tree: [] });
    oid = await git.commit({
      ...common,
      message: INITIAL_MESSAGE,
      author: context.author,
      tree,
      parent: [],
      ref: context.branchRef,
      noUpdateBranch: true,
    });
  }
  await resetWorkingCopy(context, oid);
  await trackBranch(context);
  context.checkpoint('push');
  await git.push({ ...context.remote, remote: 'origin', ref: context.branch, remoteRef: context.branch });
  context.log('info', base === undefined ? 'created the branch on an empty remote' : 'created the branch on the remote');
  return oid;
}

async function syncOnce(context: GitContext): Promise<SyncResult> {
  context.checkpoint('sync');
  context.log('debug', 'reading the remote branches', { url: context.url });
  const remote = await readRemoteBranches(context);
  context.checkpoint('sync');
  const exists = await hasWorkingCopy(context);
  if (exists) await checkOrigin(context);

  if (remote.tip !== undefined) {
    if (!exists) {
      await context.run('clone', () => clone(context, context.branch));
      await trackBranch(context);
      return { action: 'cloned', head: (await headOf(context)) ?? remote.tip };
    }
    const tip = (await context.run('fetch', () => fetchBranch(context, context.branch))) ?? remote.tip;
    const action = await context.run('reset', () => resetWorkingCopy(context, tip));
    return { action, head: tip };
  }

  if (remote.base !== undefined) {
    // The base branch may have moved since it was listed: start from what the clone or fetch brought.
    const { branch } = remote.base;
    let tip: string | null;
    if (!exists) {
      await context.run('clone', () => clone(context, branch));
      tip = await headOf(context);
    } else {
      tip = await context.run('fetch', () => fetchBranch(context, branch));
    }
    return { action: 'created_branch', head: await createBranch(context, tip ?? remote.base.tip) };
  }

  if (!exists) {
    await checkEmptyFolder(context, 'sync');
    await git.init({ fs: context.fs, dir: context.dir, defaultBranch: context.branch });
    await git.addRemote({ fs: context.fs, dir: context.dir, remote: 'origin', url: context.url });
  }
  return { action: 'initialized', head: await createBranch(context, undefined) };
}

/**
 * Makes the working copy equal to the remote branch: clones when missing, else fetches and fast-forwards or
 * hard-resets; creates the branch on the remote when missing. When another job creates the branch first, the
 * branch it created is used.
 */
export async function syncWorkingCopy(context: GitContext): Promise<SyncResult> {
  try {
    return await syncOnce(context);
  } catch (error) {
    if (!isNonFastForward(error)) throw context.classify(error, 'sync');
    context.log('info', 'the branch appeared on the remote meanwhile: syncing with it');
    return context.run('sync', () => syncOnce(context));
  }
}
