import { builder } from '@zmp-manual/notion-emulator';
import type { ApiWorld } from '../harness/api-world';
import { APP_ROOT } from '../harness/env';
import { IDS } from '../harness/workspace';

export type Json = Record<string, unknown>;

/**
 * What the cases of routes.e2e.spec.ts share: one world, and the two jobs its `beforeAll` ran to the end
 * (Ann published the whole manual, Bob one page). The jobs are filled in before the first case runs.
 */
export interface RoutesContext {
  world: ApiWorld;
  annJob: Json;
  bobJob: Json;
}

/** A path under the API's base path. */
export const root = (path: string) => `${APP_ROOT}${path}`;

/** Ann's publish: the whole manual into ko and ja. */
export const annPublish = () => ({ notion_page_id: IDS.root, selected_solution: 'zcp', target_languages: ['ko', 'ja'], title: 'zcp', is_directory: true, parent_id: null });

/** Bob's publish: one page, its id without dashes and in upper case (the original accepted both forms). */
export const bobPublish = () => ({
  notion_page_id: builder.compactId(IDS.page(2, 1)).toUpperCase(),
  selected_solution: 'zcp',
  title: 'topic-2-1',
  is_directory: false,
  parent_id: IDS.section(2),
});
