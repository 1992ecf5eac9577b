import type { ManualsCacheItem } from '@zmp-manual/job-events';

/** One entry of `GET /sidebar` (the original's `SidebarMenu`). */
export interface SidebarSolution {
  /** The upper-case id: `ZCP`. */
  name: string;
  solution_type: string;
  /** Dashed UUID. */
  root_page_id: string;
}

export interface SidebarBody {
  solutions: SidebarSolution[];
}

/** `GET /manuals`: the flat pre-order tree, root first, in the original's item shape. */
export interface ManualsBody {
  items: ManualsCacheItem[];
}

/** `POST /manuals/refresh`. */
export interface ManualsRefreshBody {
  status: 'success';
  solution: string;
  count: number;
  /** When the new tree was stored (UTC ISO). */
  updated_at: string;
}
