import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import type { ManualsCacheEntry, ManualsCacheItem, ManualsCacheStore } from '@zmp-manual/job-events';
import type { SolutionSettings } from '@zmp-manual/publish-pipeline';
import { MANUALS_CACHE_STORE, SECRET_REDACTOR } from '../api.tokens';
import type { SecretRedaction } from '../api.tokens';
import { ApiError } from '../errors/api-error';
import { MANUALS_TREE_SOURCE } from './manuals-tree.source';
import type { ManualsTreeSource } from './manuals-tree.source';

/**
 * The manuals cache as the API reads it: process memory, then the shared Redis entry (job-events'
 * `ManualsCacheStore`), then — on a miss only — one Notion crawl per solution at a time (concurrent misses
 * share it), stored for every replica. Memory is dropped by `invalidate` (the `manuals_updated` events, see
 * ManualsInvalidationListener); a read that started before an invalidation never stores its older result in
 * memory. Reads Notion and writes Redis only: nothing is ever deleted.
 */
@Injectable()
export class ManualsCacheService implements OnModuleDestroy {
  private readonly logger = new Logger('ManualsCache');
  private readonly memory = new Map<string, ManualsCacheEntry>();
  /**
   * Bumped by each invalidation (per solution, or all at once through `epoch`): a load that began under an
   * older generation does not fill memory. Both only grow, so their sum changes whenever either does.
   */
  private readonly generations = new Map<string, number>();
  private epoch = 0;
  private readonly loading = new Map<string, Promise<ManualsCacheEntry>>();
  private readonly shutdown = new AbortController();

  constructor(
    @Inject(MANUALS_CACHE_STORE) private readonly store: ManualsCacheStore,
    @Inject(MANUALS_TREE_SOURCE) private readonly source: ManualsTreeSource,
    @Inject(SECRET_REDACTOR) private readonly redactor: SecretRedaction,
  ) {}

  onModuleDestroy(): void {
    this.shutdown.abort();
  }

  /** The solution's tree: memory, Redis, else a crawl (single flight), stored. 503 / 502 when Notion cannot help. */
  async items(solution: SolutionSettings): Promise<ManualsCacheItem[]> {
    const cached = this.memory.get(solution.id);
    if (cached) return cached.items;
    let load = this.loading.get(solution.id);
    if (!load) {
      load = this.load(solution).finally(() => this.loading.delete(solution.id));
      this.loading.set(solution.id, load);
    }
    return (await load).items;
  }

  /** What memory or Redis hold for the solution, `null` when nothing is cached. Never calls Notion. */
  async cached(solutionId: string): Promise<ManualsCacheItem[] | null> {
    const inMemory = this.memory.get(solutionId);
    if (inMemory) return inMemory.items;
    const generation = this.generation(solutionId);
    const entry = await this.store.get(solutionId);
    if (entry) this.remember(entry, generation);
    return entry?.items ?? null;
  }

  /** Crawls now and stores the result for every replica (`POST /manuals/refresh`). */
  async refresh(solution: SolutionSettings): Promise<ManualsCacheEntry> {
    if (!this.source.configured) {
      throw ApiError.unavailable(`Cannot refresh the manuals of ${solution.id}: Notion is not configured (set NOTION_TOKEN)`, 'notion_not_configured');
    }
    const entry = await this.crawlAndStore(solution);
    this.invalidate(solution.id); // a load still running began before this tree: keep it out of memory
    return entry;
  }

  /** Drops the solution's in-memory tree (another process stored a new one). */
  invalidate(solutionId: string): void {
    this.generations.set(solutionId, (this.generations.get(solutionId) ?? 0) + 1);
    this.memory.delete(solutionId);
  }

  /** Drops every in-memory tree (invalidations may have been missed). */
  invalidateAll(): void {
    this.epoch += 1;
    this.memory.clear();
  }

  private async load(solution: SolutionSettings): Promise<ManualsCacheEntry> {
    const generation = this.generation(solution.id);
    let entry = await this.store.get(solution.id);
    if (!entry) {
      if (!this.source.configured) {
        throw ApiError.unavailable(`The manuals of ${solution.id} are not cached yet and Notion is not configured (set NOTION_TOKEN)`, 'notion_not_configured');
      }
      entry = await this.crawlAndStore(solution);
    }
    this.remember(entry, generation);
    return entry;
  }

  private async crawlAndStore(solution: SolutionSettings): Promise<ManualsCacheEntry> {
    let items: ManualsCacheItem[];
    try {
      items = await this.source.crawl(solution, this.shutdown.signal);
    } catch (error) {
      if (this.shutdown.signal.aborted) throw ApiError.unavailable('The API is shutting down; try again', 'shutting_down');
      const reason = this.redactor.redact(error instanceof Error ? error.message : String(error));
      this.logger.warn(`crawl of ${solution.id} (root ${solution.rootPageId}) failed: ${reason}`);
      throw new ApiError(502, `Notion could not be read for the manuals of ${solution.id}: ${reason}`, 'notion_unavailable');
    }
    const stored = await this.store.put(solution.id, items);
    this.logger.log(`crawled ${solution.id}: ${items.length} pages`);
    return { solution: stored.solution, items: stored.items, updated_at: stored.updated_at };
  }

  private remember(entry: ManualsCacheEntry, generation: number): void {
    if (this.generation(entry.solution) === generation) this.memory.set(entry.solution, entry);
  }

  private generation(solutionId: string): number {
    return this.epoch + (this.generations.get(solutionId) ?? 0);
  }
}
