import { Inject, Injectable } from '@nestjs/common';
import type { ManualsCacheItem } from '@zmp-manual/job-events';
import { API_CONFIG } from '../api.tokens';
import type { ApiConfig, ManualsPaths } from '../api.tokens';
import { ManualsCacheService } from './manuals-cache.service';
import { indexItems, titlePathOf } from './title-path';

/** `MANUALS_PATHS`: the full slug path of a page from the cached tree (memory or Redis), never from Notion. */
@Injectable()
export class ManualsPathsService implements ManualsPaths {
  /** One index per cached tree, dropped with it. */
  private readonly indexes = new WeakMap<readonly ManualsCacheItem[], Map<string, ManualsCacheItem>>();

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly cache: ManualsCacheService,
  ) {}

  async titlePath(solution: string, pageId: string): Promise<string | null> {
    if (!this.config.pipeline.solutions.some((configured) => configured.id === solution)) return null;
    const items = await this.cache.cached(solution);
    if (!items) return null;
    let index = this.indexes.get(items);
    if (!index) {
      index = indexItems(items);
      this.indexes.set(items, index);
    }
    return titlePathOf(index, pageId);
  }
}
