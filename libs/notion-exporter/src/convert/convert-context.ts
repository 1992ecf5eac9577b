import type { RootContent } from 'mdast';
import type { BlockNode } from '../crawl/block-node';
import type { AssetRef } from '../manifest/export-manifest';
import type { ExportWarning } from '../types';
import type { CalloutMapping } from './callout-mapping';

/** What a block converter may use besides its block: page-level facts and the few side channels. */
export interface ConvertContext {
  pageId: string;
  callouts: CalloutMapping;
  warn(warning: Omit<ExportWarning, 'pageId'>): void;
  /** Records a Notion-hosted file the page uses (downloaded later, named by content); `url` is the signed link. */
  addAsset(ref: AssetRef, url: string): void;
  /** The page needs `import TOCInline from '@theme/TOCInline'`. */
  useToc(): void;
  /** Converts nested blocks (list grouping included). */
  children(nodes: BlockNode[]): RootContent[];
}

/** One pure function per Notion block type: a block (with its children) → mdast nodes. */
export type BlockConverter = (node: BlockNode, ctx: ConvertContext) => RootContent[];
