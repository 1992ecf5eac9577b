import type { BlockObjectResponse } from '@notionhq/client';
import type { List, ListItem, Root, RootContent } from 'mdast';
import type { BlockNode } from '../crawl/block-node';
import type { AssetRef } from '../manifest/export-manifest';
import type { ExportWarning } from '../types';
import { BLOCK_CONVERTERS } from './block-converters';
import { unsupportedConverter } from './blocks/structure.converter';
import type { CalloutMapping } from './callout-mapping';
import type { ConvertContext } from './convert-context';
import { paragraph } from './mdast-builders';
import { convertRichText, isBlank } from './rich-text.converter';

const LIST_TYPES = new Set(['bulleted_list_item', 'numbered_list_item', 'to_do']);

export const TOC_IMPORT = "import TOCInline from '@theme/TOCInline';";

export interface ConvertedBody {
  body: Root;
  assets: AssetRef[];
  /** The signed URLs seen in this run, by asset key (never stored: they expire). */
  assetUrls: Record<string, string>;
  warnings: ExportWarning[];
}

function listItem(block: BlockObjectResponse, children: RootContent[]): ListItem {
  const rich = block.type === 'bulleted_list_item' ? block.bulleted_list_item.rich_text : block.type === 'numbered_list_item' ? block.numbered_list_item.rich_text : block.type === 'to_do' ? block.to_do.rich_text : [];
  const head = isBlank(rich) ? [] : [paragraph(convertRichText(rich))];
  return {
    type: 'listItem',
    spread: false,
    checked: block.type === 'to_do' ? block.to_do.checked : null,
    children: [...head, ...children] as ListItem['children'],
  };
}

/** A page's blocks → an mdast root; links, database tables and asset URLs stay symbolic until rendering. */
export function convertPageBody(pageId: string, blocks: BlockNode[], callouts: CalloutMapping): ConvertedBody {
  const assets = new Map<string, AssetRef>();
  const assetUrls: Record<string, string> = {};
  const warnings: ExportWarning[] = [];
  let toc = false;

  const ctx: ConvertContext = {
    pageId,
    callouts,
    warn: (w) => warnings.push({ ...w, pageId }),
    addAsset: (ref, url) => {
      if (!assets.has(ref.key)) assets.set(ref.key, ref);
      assetUrls[ref.key] = url;
    },
    useToc: () => {
      toc = true;
    },
    children: (nodes) => convertBlocks(nodes),
  };

  function convertBlocks(nodes: BlockNode[]): RootContent[] {
    const out: RootContent[] = [];
    for (let i = 0; i < nodes.length; ) {
      const type = nodes[i].block.type;
      if (!LIST_TYPES.has(type)) {
        const converter = BLOCK_CONVERTERS[type] ?? unsupportedConverter;
        out.push(...converter(nodes[i], ctx));
        i += 1;
        continue;
      }
      const list: List = { type: 'list', ordered: type === 'numbered_list_item', start: type === 'numbered_list_item' ? 1 : null, spread: false, children: [] };
      for (; i < nodes.length && nodes[i].block.type === type; i += 1) {
        list.children.push(listItem(nodes[i].block, convertBlocks(nodes[i].children)));
      }
      out.push(list);
    }
    return out;
  }

  const children = convertBlocks(blocks);
  if (toc) children.unshift({ type: 'mdxjsEsm', value: TOC_IMPORT } as RootContent);
  return { body: { type: 'root', children }, assets: [...assets.values()], assetUrls, warnings };
}
