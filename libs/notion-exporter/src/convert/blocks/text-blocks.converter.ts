import type { BlockObjectResponse, RichTextItemResponse } from '@notionhq/client';
import type { Heading, RootContent } from 'mdast';
import type { BlockNode } from '../../crawl/block-node';
import { admonitionType } from '../callout-mapping';
import type { BlockConverter, ConvertContext } from '../convert-context';
import { jsxFlow, jsxLine, paragraph } from '../mdast-builders';
import { convertRichText, isBlank } from '../rich-text.converter';
import type { ContainerDirective } from '../mdast-types';
import type { HeadingData } from '../symbolic-urls';

type Of<T extends BlockObjectResponse['type']> = Extract<BlockObjectResponse, { type: T }>;

/** The block's text as a paragraph (nothing when empty), then its nested blocks. */
function textThenChildren(richText: RichTextItemResponse[], node: BlockNode, ctx: ConvertContext): RootContent[] {
  const head = isBlank(richText) ? [] : [paragraph(convertRichText(richText))];
  return [...head, ...ctx.children(node.children)];
}

/** `<details><summary>…</summary>…</details>`, which Docusaurus renders as its collapsible Details. */
export function details(summary: RichTextItemResponse[], body: RootContent[]): RootContent {
  return jsxFlow('details', [], [jsxLine('summary', [], convertRichText(summary)), ...body]);
}

export const paragraphConverter: BlockConverter = (node, ctx) => textThenChildren((node.block as Of<'paragraph'>).paragraph.rich_text, node, ctx);

/** Notion headings 1–4 become `##`–`#####` on one line (a newline is a space): the page title is the document's only `#`. */
function heading(depth: 2 | 3 | 4 | 5, rich: RichTextItemResponse[], toggleable: boolean): BlockConverter {
  return (node, ctx) => {
    if (toggleable) return [details(rich, ctx.children(node.children))];
    if (isBlank(rich)) return ctx.children(node.children);
    const data: HeadingData = { notionBlockId: node.block.id };
    const heading: Heading = { type: 'heading', depth, children: convertRichText(rich, { lineBreak: 'space' }), data: data as Heading['data'] };
    return [heading, ...ctx.children(node.children)];
  };
}

export const headingConverter: BlockConverter = (node, ctx) => {
  const b = node.block;
  switch (b.type) {
    case 'heading_1':
      return heading(2, b.heading_1.rich_text, b.heading_1.is_toggleable)(node, ctx);
    case 'heading_2':
      return heading(3, b.heading_2.rich_text, b.heading_2.is_toggleable)(node, ctx);
    case 'heading_3':
      return heading(4, b.heading_3.rich_text, b.heading_3.is_toggleable)(node, ctx);
    case 'heading_4':
      return heading(5, b.heading_4.rich_text, b.heading_4.is_toggleable)(node, ctx);
    default:
      return ctx.children(node.children);
  }
};

export const quoteConverter: BlockConverter = (node, ctx) => {
  const children = textThenChildren((node.block as Of<'quote'>).quote.rich_text, node, ctx);
  return [{ type: 'blockquote', children: children as Extract<RootContent, { type: 'blockquote' }>['children'] }];
};

export const calloutConverter: BlockConverter = (node, ctx) => {
  const callout = (node.block as Of<'callout'>).callout;
  const directive: ContainerDirective = {
    type: 'containerDirective',
    name: admonitionType(callout, ctx.callouts),
    attributes: {},
    children: textThenChildren(callout.rich_text, node, ctx) as ContainerDirective['children'],
  };
  return [directive];
};

export const toggleConverter: BlockConverter = (node, ctx) => [details((node.block as Of<'toggle'>).toggle.rich_text, ctx.children(node.children))];

export const dividerConverter: BlockConverter = () => [{ type: 'thematicBreak' }];

export const equationConverter: BlockConverter = (node) => [{ type: 'math', value: (node.block as Of<'equation'>).equation.expression }];
