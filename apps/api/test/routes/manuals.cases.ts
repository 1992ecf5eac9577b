import { builder } from '@zmp-manual/notion-emulator';
import { errorBody } from '../harness/api-client';
import { MANUALS_ITEM_KEYS } from '../harness/shapes';
import { IDS, expectedTree } from '../harness/workspace';
import { root } from './routes.context';
import type { Json, RoutesContext } from './routes.context';

/** `/sidebar`, `/manuals` and `/manuals/refresh` in the original's shapes. */
export function manualsCases(ctx: RoutesContext): void {
  const { world } = ctx;

  describe('manuals', () => {
    it('GET /sidebar: the configured solutions in the original\'s SidebarMenu shape', async () => {
      const response = await world.api.get(root('/sidebar'), { token: world.token('vera') });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ solutions: [{ name: 'ZCP', solution_type: 'zcp', root_page_id: IDS.root }] });
    });

    it('GET /manuals: the flat pre-order list of the original, slugs as titles, its nine keys in order', async () => {
      const response = await world.api.get(root('/manuals'), { token: world.token('vera'), query: { selected_solution: 'zcp' } });
      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['items']);
      const items = response.body.items as Json[];
      expect(items.map((item) => [item.object_id, item.title, item.parent_id, item.is_directory, item.index])).toEqual(expectedTree());
      for (const item of items) {
        expect(Object.keys(item)).toEqual(MANUALS_ITEM_KEYS);
        expect(item.notion_url).toMatch(new RegExp(`^https://www\\.notion\\.so/.*${builder.compactId(item.object_id as string)}$`));
        expect(item.last_edited_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/);
        expect(item.last_edited_by).toEqual(expect.any(String));
      }
      // The default solution is the first configured one.
      const byDefault = await world.api.get(root('/manuals'), { token: world.token('vera') });
      expect(byDefault.body).toEqual(response.body);
    });

    it('GET /manuals of a solution that is not configured: 422 naming the configured ones', async () => {
      const response = await world.api.get(root('/manuals'), { token: world.token('vera'), query: { selected_solution: 'apim' } });
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([expect.objectContaining({ loc: ['query', 'selected_solution'], msg: expect.stringContaining('zcp') })]);
    });

    it('POST /manuals/refresh: publishers only; crawls now and says how many pages', async () => {
      const viewer = await world.api.post(root('/manuals/refresh'), { token: world.token('vera'), query: { selected_solution: 'zcp' } });
      expect([viewer.status, viewer.body]).toEqual([403, errorBody('This needs the manual-publisher role')]);
      const refreshed = await world.api.post(root('/manuals/refresh'), { token: world.token('ann'), query: { selected_solution: 'zcp' } });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toEqual({ status: 'success', solution: 'zcp', count: expectedTree().length, updated_at: expect.any(String) });
    });
  });
}
