import type { Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from './mdast-types';

export const text = (value: string): Text => ({ type: 'text', value });

export const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

export function attribute(name: string, value: string | number | boolean | undefined): MdxJsxAttribute[] {
  if (value === undefined || value === false) return [];
  if (value === true) return [{ type: 'mdxJsxAttribute', name, value: null }];
  if (typeof value === 'number') return [{ type: 'mdxJsxAttribute', name, value: { type: 'mdxJsxAttributeValueExpression', value: String(value) } }];
  return [{ type: 'mdxJsxAttribute', name, value }];
}

export function jsxFlow(name: string, attributes: MdxJsxAttribute[], children: RootContent[] = []): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes, children: children as MdxJsxFlowElement['children'] };
}

export function jsxText(name: string, attributes: MdxJsxAttribute[], children: PhrasingContent[] = []): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes, children };
}

/**
 * A JSX element written on one line (`<summary>…</summary>`, `<td>…</td>`): a paragraph holding only
 * the text element, which MDX reads back as a flow element without a `<p>` around its content.
 */
export function jsxLine(name: string, attributes: MdxJsxAttribute[], children: PhrasingContent[]): Paragraph {
  return paragraph([jsxText(name, attributes, children)]);
}

/** A visible MDX comment (`{/* … *\/}`): MDX v3 has no HTML comments. */
export function comment(message: string): RootContent {
  return { type: 'mdxFlowExpression', value: `/* ${message.replace(/\*\//g, '* /')} */` };
}
