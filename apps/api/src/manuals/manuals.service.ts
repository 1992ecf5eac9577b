import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { ManualsCacheService } from './manuals-cache.service';
import type { ManualsBody, ManualsRefreshBody, SidebarBody } from './manuals.wire';
import { selectedSolution } from './solution-query';

/** `/sidebar`, `/manuals` and `/manuals/refresh` over the configured solutions and the manuals cache. */
@Injectable()
export class ManualsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly cache: ManualsCacheService,
  ) {}

  /** Every configured solution, in `SOLUTIONS` order. */
  sidebar(): SidebarBody {
    return {
      solutions: this.config.pipeline.solutions.map((solution) => ({
        name: solution.id.toUpperCase(),
        solution_type: solution.id,
        root_page_id: solution.rootPageId,
      })),
    };
  }

  async manuals(selected: unknown): Promise<ManualsBody> {
    const solution = selectedSolution(this.config.pipeline.solutions, selected);
    return { items: await this.cache.items(solution) };
  }

  async refresh(selected: unknown): Promise<ManualsRefreshBody> {
    const solution = selectedSolution(this.config.pipeline.solutions, selected);
    const entry = await this.cache.refresh(solution);
    return { status: 'success', solution: solution.id, count: entry.items.length, updated_at: entry.updated_at };
  }
}
