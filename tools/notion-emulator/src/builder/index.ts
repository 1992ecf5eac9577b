/** The fixture builder: write a workspace as a tree of calls, get every object in Notion API shape. */
export { block, withChildren, withColor, withId } from './block-node';
export { compactId, idFactory, notionPageUrl, notionShortUrl, stableId } from './ids';
export { audio, bookmark, embed, file, image, linkPreview, pdf, video } from './media-blocks';
export type { CaptionOptions } from './media-blocks';
export { external, hosted } from './media-source';
export type { ExternalFile, HostedFile, MediaSource } from './media-source';
export { mention } from './mention';
export type { BlockNode, BlockType, DatabaseNode, Node, PageNode, RowNode } from './nodes';
export { database, page, row } from './pages';
export { prop } from './properties';
export type { PropertySchema, RowValue } from './properties';
export { bold, color, inlineCode, inlineEquation, italic, link, pageLink, plainText, richText, strike, text, underline } from './rich-text';
export type { Inline, RichText } from './rich-text';
export { samplePdf, samplePng, sampleWav } from './sample-files';
export {
  breadcrumb,
  code,
  columns,
  divider,
  equation,
  linkToDatabase,
  linkToPage,
  synced,
  syncedRef,
  table,
  tableOfContents,
  unsupported,
} from './structure-blocks';
export { bullet, callout, h1, h2, h3, h4, numbered, paragraph, quote, todo, toggle } from './text-blocks';
export { bot, person } from './users';
export { buildWorkspace } from './workspace-builder';
export type { WorkspaceSpec } from './workspace-builder';
