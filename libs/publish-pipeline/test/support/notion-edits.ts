/** Edits of the demo workspace, as Notion's API then shows them. */
import { builder } from '@zmp-manual/notion-emulator';
import type { Workspace } from '@zmp-manual/notion-emulator';

let edits = 0;

/** A new `last_edited_time` each call (whole minutes, as Notion rounds them). */
function nextEditTime(): string {
  edits += 1;
  return new Date(Date.UTC(2026, 1, 1, 10, edits)).toISOString();
}

/** Replaces the text of the page's first paragraph and marks the page edited. */
export function editFirstParagraph(workspace: Workspace, pageId: string, text: string): void {
  const blockId = (workspace.children[pageId] ?? []).find((id) => workspace.blocks[id]?.type === 'paragraph');
  const block = blockId === undefined ? undefined : workspace.blocks[blockId];
  if (block?.type !== 'paragraph') throw new Error(`fixture: page ${pageId} has no paragraph`);
  block.paragraph.rich_text = builder.richText(text);
  workspace.pages[pageId].last_edited_time = nextEditTime();
}

/** Moves a page to the trash (its parent is not touched: the exporter must notice anyway). */
export function trashPage(workspace: Workspace, pageId: string): void {
  workspace.pages[pageId].in_trash = true;
}
