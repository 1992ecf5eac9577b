import type { UserObjectResponse } from '@notionhq/client';
import type { NotionGateway } from '../api/notion-gateway';
import { NotionExportError } from '../errors/export-error';

export interface UserInfo {
  name: string | null;
  avatarUrl: string | null;
}

/** Users resolved once per id per run (and carried over from the previous manifest). */
export class UserDirectory {
  private readonly pending = new Map<string, Promise<UserInfo>>();
  private readonly known = new Map<string, UserInfo>();

  constructor(
    private readonly gateway: NotionGateway,
    previous: Record<string, UserInfo> = {},
  ) {
    for (const [id, info] of Object.entries(previous)) this.known.set(id, info);
  }

  async resolve(userId: string): Promise<UserInfo> {
    const known = this.known.get(userId);
    if (known) return known;
    let pending = this.pending.get(userId);
    if (!pending) {
      pending = this.fetch(userId);
      this.pending.set(userId, pending);
    }
    return pending;
  }

  /** Resolves every id, once each, in a stable order (so a run's request sequence repeats). */
  async resolveAll(ids: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(ids)].sort().map((id) => this.resolve(id)));
  }

  /** Already resolved users (synchronous; unknown ids give nulls). */
  get(userId: string): UserInfo {
    return this.known.get(userId) ?? { name: null, avatarUrl: null };
  }

  snapshot(): Record<string, UserInfo> {
    return Object.fromEntries([...this.known.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  private async fetch(userId: string): Promise<UserInfo> {
    let info: UserInfo = { name: null, avatarUrl: null };
    try {
      const user: UserObjectResponse = await this.gateway.retrieveUser(userId);
      info = { name: user.name ?? null, avatarUrl: user.avatar_url ?? null };
    } catch (error) {
      // A user the integration may not see (guests, removed members) leaves the name empty, nothing more.
      if (!(error instanceof NotionExportError) || !['page_not_found', 'no_access'].includes(error.code)) throw error;
    }
    this.known.set(userId, info);
    return info;
  }
}
