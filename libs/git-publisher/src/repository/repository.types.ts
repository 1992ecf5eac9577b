import type { GitProgressEvent, HttpClient } from 'isomorphic-git';
import type { LockHandle } from '../lock/repository-lock';
import type { GitPublisherLogger } from '../logger';
import type { RepositoryAuth } from './repository-auth';
import type { WorkingCopyFs } from './working-copy-fs';

/** Who commits. The committer is the same person. */
export interface CommitAuthor {
  name: string;
  email: string;
}

export interface RepositoryOptions {
  /** Folder of the persistent working copy (created when missing). One per repository + branch. */
  dir: string;
  /** `https://host/org/site.git`, without credentials (a URL with credentials is refused). */
  url: string;
  /** The branch to publish to; created on the remote from its default branch when missing. */
  branch: string;
  /** Credentials, handed to git only through isomorphic-git's `onAuth`. Omit for a public, read-only use. */
  auth?: RepositoryAuth;
  author: CommitAuthor;
  /** File system with the promise API of `node:fs` (default `node:fs`). */
  fs?: WorkingCopyFs;
  /** isomorphic-git HTTP client (default `isomorphic-git/http/node`). */
  http?: HttpClient;
  /** History fetched by a first clone (default 1, a shallow clone); `null` fetches all of it. */
  depth?: number | null;
  /** Checked between steps and passed to every HTTP request: nothing is pushed once it fires. */
  signal?: AbortSignal;
  /** A held repository lock: once its signal fires the work stops with `lock_lost`. */
  lock?: LockHandle;
  /** isomorphic-git's progress events (`{ phase, loaded, total }`). */
  onProgress?: (event: GitProgressEvent) => void;
  logger?: GitPublisherLogger;
}

/** What `sync()` did to the working copy. */
export type SyncAction =
  | 'cloned'
  | 'up_to_date'
  | 'fast_forwarded'
  | 'reset'
  | 'created_branch'
  | 'initialized';

export interface SyncResult {
  action: SyncAction;
  /** The commit the working copy is now on (the remote branch's tip). */
  head: string;
}

/** Commit the files under `paths` (files or folders, relative to the working copy), or everything (`all`). */
export type CommitOptions = { message: string } & (
  | { paths: readonly string[]; all?: never }
  | { all: true; paths?: never }
);

export interface ReapplyContext {
  /** 1-based number of the push attempt that follows. */
  attempt: number;
  /** Fires when the repository's `signal` fires or its `lock` is lost: stop writing then. */
  signal: AbortSignal | undefined;
}

export interface PushOptions {
  /**
   * Called after a rejected push once the working copy is reset to the new remote tip: write your files
   * again. The commits made since the last sync are then re-made (with the same messages and paths, each
   * skipped when it no longer changes anything) and pushed. Without it a rejection is final.
   */
  reapply?: (context: ReapplyContext) => Promise<void> | void;
  /** Pushes tried before giving up with `push_rejected` (default 3). */
  maxAttempts?: number;
}

export interface PushResult {
  /** Whether anything was sent: `false` when there was nothing new to push. */
  pushed: boolean;
  /** The remote branch's tip afterwards (our last commit when pushed). */
  head: string | null;
  /** Push requests made. */
  attempts: number;
  /** Commits that reached the remote, oldest first. */
  commits: string[];
}

export type FileChange = 'added' | 'modified' | 'deleted';

export interface RepositoryStatus {
  branch: string;
  head: string | null;
  /** Files of the working tree that differ from HEAD, by path. */
  changes: { path: string; change: FileChange }[];
  clean: boolean;
}

export interface Repository {
  readonly dir: string;
  readonly branch: string;
  /** The credential-free name of the repository and branch, as used for locks. */
  readonly key: string;
  /** What the latest `sync()` (the one `openRepository` ran, at first) did. */
  readonly lastSync: SyncResult | undefined;
  /** Makes the working copy equal to the remote branch (clone, fast-forward or hard reset). */
  sync(): Promise<SyncResult>;
  /** Stages and commits; resolves with the new sha, or `null` when nothing changed. */
  commit(options: CommitOptions): Promise<string | null>;
  /** Pushes the branch, never forcing; re-syncs, re-applies and retries on a non-fast-forward rejection. */
  push(options?: PushOptions): Promise<PushResult>;
  status(): Promise<RepositoryStatus>;
  /** The sha HEAD points to, or `null` before the first commit. */
  head(): Promise<string | null>;
}
