import type { GitContext } from './git-context';
import { commitChanges } from './commit-changes';
import { pushWithRetry } from './push-with-retry';
import type { PendingCommit, PushSteps } from './push-with-retry';
import type {
  CommitOptions,
  PushOptions,
  PushResult,
  Repository,
  RepositoryStatus,
  SyncResult,
} from './repository.types';
import { syncWorkingCopy } from './working-copy-sync';
import { headOf } from './working-copy-reset';
import { changedRows, describeChanges } from './working-tree';

/** The {@link Repository} `openRepository` hands out. One call at a time: the lock serialises jobs. */
export class GitRepository implements Repository {
  /** Commits made since the last sync, oldest first. */
  private pending: PendingCommit[] = [];
  private synced: SyncResult | undefined;

  constructor(private readonly context: GitContext) {}

  get dir(): string {
    return this.context.dir;
  }

  get branch(): string {
    return this.context.branch;
  }

  get key(): string {
    return this.context.key;
  }

  get lastSync(): SyncResult | undefined {
    return this.synced;
  }

  async sync(): Promise<SyncResult> {
    const result = await this.resync();
    this.pending = [];
    return result;
  }

  async commit(options: CommitOptions): Promise<string | null> {
    const sha = await this.commitOnly(options);
    if (sha !== null) this.pending.push({ options, sha });
    return sha;
  }

  async push(options: PushOptions = {}): Promise<PushResult> {
    const steps: PushSteps = {
      pending: () => this.pending,
      setPending: (commits) => {
        this.pending = [...commits];
      },
      resync: () => this.resync(),
      commit: (commit) => this.commitOnly(commit),
    };
    const result = await pushWithRetry(this.context, steps, options);
    this.pending = [];
    return result;
  }

  /** Syncs without forgetting the pending commits: a push re-makes them once the sync succeeded. */
  private async resync(): Promise<SyncResult> {
    const result = await syncWorkingCopy(this.context);
    this.context.log('info', `synced: ${result.action}`, { head: result.head });
    this.synced = result;
    return result;
  }

  private async commitOnly(options: CommitOptions): Promise<string | null> {
    const sha = await commitChanges(this.context, options);
    const message = firstLine(options.message);
    this.context.log('info', sha === null ? 'nothing to commit' : 'committed', { ...(sha ? { sha } : {}), message });
    return sha;
  }

  status(): Promise<RepositoryStatus> {
    return this.context.run('status', async () => {
      const changes = describeChanges(await changedRows(this.context));
      return { branch: this.branch, head: await headOf(this.context), changes, clean: changes.length === 0 };
    });
  }

  head(): Promise<string | null> {
    return headOf(this.context);
  }

  /** What a log line or a dump of the repository shows: nothing about credentials. */
  toJSON(): { dir: string; branch: string; key: string; lastSync: SyncResult | undefined } {
    return { dir: this.dir, branch: this.branch, key: this.key, lastSync: this.synced };
  }
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}
