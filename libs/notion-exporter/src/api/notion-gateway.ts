import type {
  BlockObjectResponse,
  Client,
  DatabaseObjectResponse,
  PageObjectResponse,
  UserObjectResponse,
} from '@notionhq/client';
import { NotionExportError, throwIfAborted } from '../errors/export-error';
import type { ExportErrorCode } from '../errors/export-error';
import { sleep } from './abortable-sleep';
import type { RateLimiter } from './rate-limiter';
import type { FailedCall, ResolvedRetryOptions } from './retry-policy';
import { backoffDelay, describeFailure, isRetryable } from './retry-policy';

export interface ApiCounters {
  /** Requests sent, by operation (`pages.retrieve`, `blocks.children.list`, …), retries included. */
  calls: Record<string, number>;
  retries: number;
  rateLimited: number;
}

export interface GatewayOptions {
  client: Client;
  limiter: RateLimiter;
  retry: ResolvedRetryOptions;
  signal?: AbortSignal;
  now: () => number;
  random?: () => number;
}

interface ListPage<T> {
  results: T[];
  has_more: boolean;
  next_cursor: string | null;
}

function failureCode(failure: FailedCall, operation: string): ExportErrorCode {
  if (failure.status === 401) return 'unauthorized';
  if (failure.status === 403) return 'no_access';
  if (failure.status === 404 || failure.notionCode === 'object_not_found') return 'page_not_found';
  if (failure.status === 400 && operation === 'pages.retrieve' && failure.notionCode === 'validation_error') return 'invalid_page_id';
  if (failure.status === 429) return 'rate_limited';
  return 'notion_api_error';
}

/**
 * Every Notion call of an export goes through here: the shared rate limiter, Retry-After and back-off on
 * 429/5xx/529, the abort signal between attempts, pagination to the end, and the call counters.
 */
export class NotionGateway {
  readonly counters: ApiCounters = { calls: {}, retries: 0, rateLimited: 0 };
  private readonly random: () => number;

  constructor(private readonly options: GatewayOptions) {
    this.random = options.random ?? Math.random;
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  retrievePage(pageId: string): Promise<PageObjectResponse> {
    return this.call('pages.retrieve', pageId, () => this.options.client.pages.retrieve({ page_id: pageId })) as Promise<PageObjectResponse>;
  }

  retrieveBlock(blockId: string): Promise<BlockObjectResponse> {
    return this.call('blocks.retrieve', blockId, () => this.options.client.blocks.retrieve({ block_id: blockId })) as Promise<BlockObjectResponse>;
  }

  retrieveDatabase(databaseId: string): Promise<DatabaseObjectResponse> {
    return this.call('databases.retrieve', databaseId, () =>
      this.options.client.databases.retrieve({ database_id: databaseId }),
    ) as Promise<DatabaseObjectResponse>;
  }

  retrieveUser(userId: string): Promise<UserObjectResponse> {
    return this.call('users.retrieve', userId, () => this.options.client.users.retrieve({ user_id: userId }));
  }

  listChildren(blockId: string): Promise<BlockObjectResponse[]> {
    return this.paginate('blocks.children.list', blockId, (cursor) =>
      this.options.client.blocks.children.list({ block_id: blockId, page_size: 100, start_cursor: cursor }),
    ) as Promise<BlockObjectResponse[]>;
  }

  queryDataSource(dataSourceId: string): Promise<PageObjectResponse[]> {
    return this.paginate('dataSources.query', dataSourceId, (cursor) =>
      this.options.client.dataSources.query({ data_source_id: dataSourceId, page_size: 100, start_cursor: cursor }),
    ) as Promise<PageObjectResponse[]>;
  }

  private async paginate<T>(operation: string, id: string, fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.call(operation, id, () => fetchPage(cursor));
      all.push(...page.results);
      cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
    } while (cursor);
    return all;
  }

  private async call<T>(operation: string, id: string, send: () => Promise<T>): Promise<T> {
    const { limiter, retry, signal, now } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      throwIfAborted(signal);
      await limiter.acquire(signal);
      throwIfAborted(signal);
      this.counters.calls[operation] = (this.counters.calls[operation] ?? 0) + 1;
      try {
        return await send();
      } catch (error) {
        if (error instanceof NotionExportError) throw error;
        const failure = describeFailure(error, now());
        const details = { pageId: id, status: failure.status, notionCode: failure.notionCode, operation, attempts: attempt + 1 };
        if (failure.status === 429) {
          this.counters.rateLimited += 1;
          const wait = failure.retryAfterMs ?? backoffDelay(attempt, retry, this.random);
          if (wait > retry.maxRetryAfterMs || attempt >= retry.maxRetries) {
            throw new NotionExportError('rate_limited', `Notion kept answering 429 to ${operation} ${id}; gave up after ${attempt + 1} attempts.`, details, { cause: error });
          }
          limiter.pauseFor(wait);
        } else if (isRetryable(failure) && attempt < retry.maxRetries) {
          const wait = failure.retryAfterMs ?? backoffDelay(attempt, retry, this.random);
          await sleep(Math.min(wait, retry.maxRetryAfterMs), signal);
        } else {
          const message = error instanceof Error ? error.message : String(error);
          throw new NotionExportError(failureCode(failure, operation), `${operation} ${id} failed: ${message}`, details, { cause: error });
        }
        this.counters.retries += 1;
      }
    }
  }
}
