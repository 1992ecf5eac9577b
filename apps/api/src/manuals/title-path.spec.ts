import type { ManualsCacheItem } from '@zmp-manual/job-events';
import { indexItems, titlePathOf } from './title-path';

const node = (object_id: string, title: string, parent_id: string | null): ManualsCacheItem => ({
  object_id,
  title,
  is_directory: false,
  parent_id,
  notion_url: '',
  index: 1,
  last_edited_time: null,
  last_edited_by: null,
  last_editor_avatar_url: null,
});

const ROOT = '19ab7135-d33b-803b-8ea7-ff3e366f707d';
const START = '1aab7135-d33b-80a7-9eff-f5ae2eaced37';
const INSTALL = '1bbb7135-d33b-80a7-9eff-f5ae2eaced37';

describe('titlePathOf', () => {
  const byId = indexItems([node(ROOT, 'zcp', null), node(START, 'getting-started', ROOT), node(INSTALL, 'install', START.replace(/-/g, ''))]);

  it('joins the slugs from the root down, whatever form the ids take', () => {
    expect(titlePathOf(byId, INSTALL)).toBe('zcp/getting-started/install');
    expect(titlePathOf(byId, INSTALL.replace(/-/g, '').toUpperCase())).toBe('zcp/getting-started/install');
    expect(titlePathOf(byId, ROOT)).toBe('zcp');
  });

  it('is null for a page that is not in the tree', () => {
    expect(titlePathOf(byId, '2ccb7135-d33b-80a7-9eff-f5ae2eaced37')).toBeNull();
  });

  it('stops at a parent that is missing or loops back', () => {
    const loop = indexItems([node(START, 'a', INSTALL), node(INSTALL, 'b', START)]);
    expect(titlePathOf(loop, INSTALL)).toBe('a/b');
    const orphan = indexItems([node(INSTALL, 'install', START)]);
    expect(titlePathOf(orphan, INSTALL)).toBe('install');
  });
});
