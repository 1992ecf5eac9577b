import type { BlockObjectResponse } from '@notionhq/client';
import type { RootContent } from 'mdast';
import type { BlockConverter } from '../convert-context';
import { attribute, comment, jsxFlow, paragraph } from '../mdast-builders';
import { databaseUrl, mentionLink, pageUrl } from '../symbolic-urls';
import type { DatabaseTableData } from '../symbolic-urls';

type Of<T extends BlockObjectResponse['type']> = Extract<BlockObjectResponse, { type: T }>;

/** Columns side by side with Infima's grid (`row` / `col`), which every Docusaurus theme ships. */
export const columnListConverter: BlockConverter = (node, ctx) => [
  jsxFlow(
    'div',
    attribute('className', 'row'),
    node.children.map((column) => jsxFlow('div', attribute('className', 'col'), ctx.children(column.children))),
  ),
];

/** A column met outside a column list: its content. */
export const contentOnlyConverter: BlockConverter = (node, ctx) => ctx.children(node.children);

/** A sub-page, where Notion shows it: a link to its document (its title kept current at render time). */
export const childPageConverter: BlockConverter = (node) => {
  const title = (node.block as Of<'child_page'>).child_page.title;
  return [paragraph([mentionLink(pageUrl(node.block.id), title)])];
};

/** A database: a table of its rows, built at render time from the rows as they are then. */
export const childDatabaseConverter: BlockConverter = (node) => {
  const data: DatabaseTableData = { notionDatabase: { id: node.block.id, title: (node.block as Of<'child_database'>).child_database.title } };
  return [{ type: 'mdxFlowExpression', value: '', data } as RootContent];
};

export const linkToPageConverter: BlockConverter = (node) => {
  const target = (node.block as Of<'link_to_page'>).link_to_page;
  const url = target.type === 'page_id' ? pageUrl(target.page_id) : target.type === 'database_id' ? databaseUrl(target.database_id) : undefined;
  if (!url) return [];
  return [paragraph([mentionLink(url, '')])];
};

export const tableOfContentsConverter: BlockConverter = (_node, ctx) => {
  ctx.useToc();
  return [jsxFlow('TOCInline', [{ type: 'mdxJsxAttribute', name: 'toc', value: { type: 'mdxJsxAttributeValueExpression', value: 'toc' } }])];
};

/** Docusaurus draws its own breadcrumbs above every doc. */
export const breadcrumbConverter: BlockConverter = () => [];

/** Anything without a converter: a visible MDX comment and a warning, then whatever content it holds. */
export const unsupportedConverter: BlockConverter = (node, ctx) => {
  const block = node.block;
  const kind = block.type === 'unsupported' ? ((block as Of<'unsupported'>).unsupported as { block_type?: string }).block_type ?? 'unsupported' : block.type;
  ctx.warn({ code: 'unsupported_block', blockId: block.id, message: `Notion block type "${kind}" (${block.id}) is not supported; a placeholder was written.` });
  const children = ctx.children(node.children);
  const what = children.length > 0 ? 'only its content follows' : 'it was left out';
  return [comment(`Notion block "${kind}" is not supported by the exporter: ${what}.`), ...children];
};
