import { createProcessor } from '@mdx-js/mdx';
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { parse } from 'yaml';

const parser = createProcessor({ remarkPlugins: [remarkGfm, remarkFrontmatter, remarkDirective, remarkMath] });

/** Docusaurus reads a code block's title from its meta string with this pattern. */
const CODE_TITLE = /title=(?<quote>["'])(?<title>.*?)\1/;

export interface RenderedText {
  /** The text of every leaf block (paragraph, table cell, one-line JSX element, code, math), in order. */
  leaves: string[];
  headings: string[];
  /** Image alt texts and code block titles. */
  attributes: string[];
  /** The front matter as YAML 1.2 (core schema) and YAML 1.1 readers give it back (Docusaurus' reader also knows 1.1 timestamps). */
  frontMatter: Array<Record<string, unknown>>;
  /** JSX expressions found in text: each one means Notion text was read as code. */
  expressions: string[];
}

const PHRASING = new Set(['text', 'inlineCode', 'inlineMath', 'break', 'emphasis', 'strong', 'delete', 'link', 'image', 'mdxJsxTextElement', 'mdxTextExpression', 'textDirective']);

/**
 * What a reader sees of an MDX document: MDX v3 (with gfm, front matter, directives, math) parses it
 * back to mdast, and each leaf block's text is collected as rendered (escapes and character references
 * decoded, a hard break or `<br />` as a newline).
 */
export function renderedText(mdx: string): RenderedText {
  const out: RenderedText = { leaves: [], headings: [], attributes: [], frontMatter: [], expressions: [] };
  const phrasing = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'inlineMath':
        return node.value;
      case 'break':
        return '\n';
      case 'image':
        out.attributes.push(node.alt ?? '');
        return '';
      case 'mdxTextExpression':
        out.expressions.push(node.value);
        return `{${node.value}}`;
      case 'mdxJsxTextElement':
        if (node.name === 'br') return '\n';
        return node.children.map(phrasing).join('');
      default:
        return 'children' in node ? (node.children as Nodes[]).map(phrasing).join('') : '';
    }
  };
  const block = (node: Nodes): void => {
    switch (node.type) {
      case 'yaml':
        out.frontMatter = [parse(node.value) as Record<string, unknown>, parse(node.value, { version: '1.1' }) as Record<string, unknown>];
        return;
      case 'heading':
        out.headings.push(node.children.map(phrasing).join(''));
        return;
      case 'paragraph':
      case 'tableCell':
        out.leaves.push(node.children.map(phrasing).join(''));
        return;
      case 'code': {
        out.leaves.push(node.value);
        const title = CODE_TITLE.exec(node.meta ?? '')?.groups?.title;
        if (title !== undefined) out.attributes.push(title);
        return;
      }
      case 'math':
        out.leaves.push(node.value);
        return;
      case 'mdxFlowExpression':
        out.expressions.push(node.value);
        return;
      case 'mdxJsxFlowElement':
        if (node.children.length > 0 && node.children.every((c) => PHRASING.has(c.type))) {
          out.leaves.push((node.children as Nodes[]).map(phrasing).join(''));
          return;
        }
        break;
      default:
        break;
    }
    if ('children' in node) (node.children as Nodes[]).forEach(block);
  };
  block(parser.parse(mdx) as Root);
  return out;
}
