import { parse } from 'yaml';

const BLOCK = /^\uFEFF?---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** The YAML front matter at the top of an MDX file as an object; `{}` when absent or unreadable. */
export function readFrontMatter(mdx: string): Record<string, unknown> {
  const block = BLOCK.exec(mdx)?.[1];
  if (block === undefined) return {};
  try {
    const data: unknown = parse(block);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
