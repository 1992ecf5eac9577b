import { parse as parseYaml } from 'yaml';
import { FRONT_MATTER_KEYS, parseMdx } from '../../src';

interface Node {
  type: string;
  value?: unknown;
  url?: string;
  name?: string | null;
  attributes?: unknown;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: Node[];
}

const PROTECTED = new Set(['code', 'inlineCode', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'math', 'inlineMath']);
const isHeadingId = (node: Node): boolean => node.type === 'mdxTextExpression' && /^\/\* #[^\s]+ \*\/$/.test(String(node.value));

/**
 * Everything a translation must leave byte for byte, in document order: the exact source text of code
 * blocks, inline code, imports/exports, expressions and math (heading-id comments left out), every
 * link and image target, and each JSX element with its attributes other than the translated ones.
 */
export function protectedParts(mdx: string, translatedAttributes: readonly string[] = ['title', 'alt', 'label', 'summary']): string[] {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (PROTECTED.has(node.type) && !isHeadingId(node) && start !== undefined && end !== undefined) parts.push(`${node.type}: ${mdx.slice(start, end)}`);
    if (node.url !== undefined) parts.push(`${node.type} url: ${node.url}`);
    if (node.type.startsWith('mdxJsx')) {
      const attributes = (Array.isArray(node.attributes) ? (node.attributes as Array<{ name?: string; value?: unknown }>) : [])
        .filter((attribute) => !translatedAttributes.includes(String(attribute.name)) || typeof attribute.value !== 'string')
        .map((attribute) => {
          const value = attribute.value as { value?: unknown } | string | null | undefined;
          return `${attribute.name}=${typeof value === 'object' && value !== null ? `{${String(value.value)}}` : JSON.stringify(value)}`;
        });
      parts.push(`<${node.name ?? ''} ${attributes.join(' ')}>`);
    }
    node.children?.forEach(visit);
  };
  visit(parseMdx(mdx) as unknown as Node);
  return parts;
}

/** The front matter as an object, without the keys that are translated. */
export function untranslatedFrontMatter(mdx: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  const data = (match === null ? {} : parseYaml(match[1])) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !FRONT_MATTER_KEYS.includes(key)));
}
