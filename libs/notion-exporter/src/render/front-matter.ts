import { stringify } from 'yaml';
import type { DocumentFrontMatter } from '../types';

/** `---`-fenced YAML written by a YAML library: titles with `:`, quotes or `#` are quoted as needed. */
export function frontMatterBlock(frontMatter: DocumentFrontMatter): string {
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  return `---\n${yaml}---\n`;
}
