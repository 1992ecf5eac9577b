import { smallManual, smallManualIds } from '@zmp-manual/notion-emulator';
import type { Workspace } from '@zmp-manual/notion-emulator';

const SECTIONS = 2;
const PAGES_PER_SECTION = 2;

/** Ids of the small manual every API e2e file serves (`apiWorkspace`). */
export const IDS = smallManualIds('api-e2e');

/**
 * "ZCP": a root with two directory pages of two pages each, a few blocks a page (the emulator's `smallManual`).
 * One publish into ko and ja takes a few seconds against the emulators.
 */
export function apiWorkspace(): Workspace {
  return smallManual('api-e2e', SECTIONS, PAGES_PER_SECTION);
}

/**
 * What `GET /manuals` lists for `apiWorkspace()`, in the original's flat pre-order: `[object_id, title (the
 * slug), parent_id, is_directory, index]`.
 */
export function expectedTree(): Array<[string, string, string | null, boolean, number]> {
  const rows: Array<[string, string, string | null, boolean, number]> = [[IDS.root, 'zcp', null, true, 1]];
  for (let s = 1; s <= SECTIONS; s += 1) {
    rows.push([IDS.section(s), `section-${s}`, IDS.root, true, s]);
    for (let p = 1; p <= PAGES_PER_SECTION; p += 1) rows.push([IDS.page(s, p), `topic-${s}-${p}`, IDS.section(s), false, p]);
  }
  return rows;
}

/** Renames a page in the live workspace as an edit in Notion would (title property and edit time). */
export function renamePage(workspace: Workspace, pageId: string, title: string, editedAt: Date): void {
  const target = workspace.pages[pageId];
  if (!target) throw new Error(`no page ${pageId} in the workspace`);
  for (const property of Object.values(target.properties)) {
    if (property.type !== 'title') continue;
    const [first] = property.title;
    if (!first || first.type !== 'text') throw new Error(`page ${pageId} has no plain title run`);
    first.plain_text = title;
    first.text.content = title;
    property.title.splice(1);
  }
  target.last_edited_time = editedAt.toISOString();
  const block = workspace.blocks[pageId];
  if (block?.type === 'child_page') {
    block.child_page.title = title;
    block.last_edited_time = editedAt.toISOString();
  }
}
