import { parse } from 'yaml';

const FRONT_MATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Reads the YAML front matter at the top of an MDX file: an object (empty when there is none). Throws the
 * YAML library's error when the block is not valid YAML or not a mapping.
 */
export function readFrontMatter(mdx: string): Record<string, unknown> {
  const match = FRONT_MATTER.exec(mdx);
  if (!match || match[1] === undefined) return {};
  const data: unknown = parse(match[1]);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter is not a YAML mapping');
  return data as Record<string, unknown>;
}
