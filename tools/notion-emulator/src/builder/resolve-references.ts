import type { Workspace } from '../workspace';
import { notionShortUrl } from './ids';
import { isMention } from './mention';

/**
 * After assembly: a synced reference lists its original's children (the same block ids), as the API does.
 * Throws when a reference points at no synced original.
 */
export function resolveSyncedReferences(ws: Workspace, references: ReadonlyMap<string, string>): void {
  for (const [referenceId, originalId] of references) {
    const original = ws.blocks[originalId];
    if (original?.type !== 'synced_block' || original.synced_block.synced_from !== null) {
      throw new Error(`Synced block ${referenceId} refers to ${originalId}, which is not a synced original in the workspace.`);
    }
    ws.children[referenceId] = [...(ws.children[originalId] ?? [])];
  }
}

/**
 * Fills in what Notion computes for mentions: the target page's or database's title, `@` + the user's
 * name, and the `href` of page and database mentions. Targets outside the workspace keep what they had.
 */
export function resolveMentions(ws: Workspace, titles: ReadonlyMap<string, string>): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isMention(value)) {
      const m = value.mention;
      if (m.type === 'page' || m.type === 'database') {
        const id = m.type === 'page' ? m.page.id : m.database.id;
        value.plain_text = titles.get(id) ?? value.plain_text;
        value.href = notionShortUrl(id);
      } else if (m.type === 'user') {
        const name = ws.users[m.user.id]?.name;
        if (name) value.plain_text = `@${name}`;
      }
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(visit);
    }
  };
  visit(ws.blocks);
  visit(ws.pages);
  visit(ws.databases);
  visit(ws.dataSources);
}
