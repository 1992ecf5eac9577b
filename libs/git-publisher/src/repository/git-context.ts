import type { GitProgressEvent, HttpClient } from 'isomorphic-git';
import { classifyGitError } from '../errors/error-classifier';
import type { GitOperation, GitPublisherError } from '../errors/git-publisher-error';
import { scrubSecrets } from '../errors/secret-scrubber';
import type { GitPublisherLogger } from '../logger';
import type { AuthCallbacks } from './repository-auth';
import type { CommitAuthor } from './repository.types';
import type { WorkingCopyFs } from './working-copy-fs';

export interface GitContextInit {
  fs: WorkingCopyFs;
  http: HttpClient;
  dir: string;
  url: string;
  branch: string;
  /** Credential-free `repositoryKey(url, branch)`. */
  key: string;
  author: CommitAuthor;
  /** Depth of a first clone; undefined for the whole history. */
  depth: number | undefined;
  auth: AuthCallbacks;
  signal?: AbortSignal;
  lockSignal?: AbortSignal;
  onProgress?: (event: GitProgressEvent) => void;
  logger?: GitPublisherLogger;
}

/** Everything a step needs, resolved once by `openRepository`. Holds the credentials only inside `auth`. */
export class GitContext {
  /** isomorphic-git's object cache, shared by the steps of one repository. */
  readonly cache = {};
  readonly fs: WorkingCopyFs;
  readonly http: HttpClient;
  readonly dir: string;
  readonly url: string;
  readonly branch: string;
  readonly key: string;
  readonly author: CommitAuthor;
  readonly depth: number | undefined;
  readonly auth: AuthCallbacks;
  /** Fires when the job's signal or the lock's fires: what callbacks and requests are handed. */
  readonly signal: AbortSignal | undefined;
  private readonly jobSignal: AbortSignal | undefined;
  private readonly lockSignal: AbortSignal | undefined;
  private readonly progress: ((event: GitProgressEvent) => void) | undefined;
  private readonly logger: GitPublisherLogger | undefined;

  constructor(init: GitContextInit) {
    this.fs = init.fs;
    this.dir = init.dir;
    this.url = init.url;
    this.branch = init.branch;
    this.key = init.key;
    this.author = init.author;
    this.depth = init.depth;
    this.auth = init.auth;
    this.jobSignal = init.signal;
    this.lockSignal = init.lockSignal;
    this.progress = init.onProgress;
    this.logger = init.logger;
    const signals = [init.signal, init.lockSignal].filter((s): s is AbortSignal => s !== undefined);
    const combined = signals.length === 0 ? undefined : AbortSignal.any(signals);
    this.signal = combined;
    // Every request carries the signals, so a clone, fetch or push in flight stops when one fires.
    const http = init.http;
    this.http =
      combined === undefined
        ? http
        : { request: (request) => http.request({ ...request, signal: request.signal ?? combined }) };
  }

  /** The callbacks and client every network call takes. */
  get remote() {
    return {
      fs: this.fs,
      http: this.http,
      dir: this.dir,
      cache: this.cache,
      onAuth: this.auth.onAuth,
      onAuthFailure: this.auth.onAuthFailure,
      onProgress: this.progress,
    };
  }

  get branchRef(): string {
    return `refs/heads/${this.branch}`;
  }

  private interruption(): 'aborted' | 'lock_lost' | undefined {
    if (this.lockSignal?.aborted) return 'lock_lost';
    if (this.jobSignal?.aborted) return 'aborted';
    return undefined;
  }

  /** Throws `lock_lost` or `aborted` when a signal has fired: called between steps. */
  checkpoint(operation: GitOperation): void {
    const interruption = this.interruption();
    if (interruption !== undefined) throw this.classify(new Error(interruption), operation);
  }

  classify(error: unknown, operation: GitOperation): GitPublisherError {
    return classifyGitError(error, {
      operation,
      repository: this.key,
      secrets: this.auth.secrets(),
      interruption: this.interruption(),
    });
  }

  /** Runs one step after a checkpoint; whatever it throws comes out classified. */
  async run<T>(operation: GitOperation, step: () => Promise<T>): Promise<T> {
    this.checkpoint(operation);
    try {
      return await step();
    } catch (error) {
      throw this.classify(error, operation);
    }
  }

  /** `text` with every credential masked: for anything the host or a library below wrote. */
  scrub(text: string): string {
    return scrubSecrets(text, this.auth.secrets());
  }

  /** Reports to the logger; a logger that throws never fails (or half-finishes) a step. */
  log(level: 'debug' | 'info' | 'warn', message: string, fields: Record<string, unknown> = {}): void {
    try {
      this.logger?.[level]?.(message, { repository: this.key, ...fields });
    } catch {
      // Logging is best effort.
    }
  }
}
