import { Document, isScalar, parse, visit } from 'yaml';
import type { DocumentFrontMatter } from '../types';

/** Whether a YAML reader could take `value`, written plain, for something other than this string. */
function readsAsOther(value: string): boolean {
  try {
    // YAML 1.1 readers (and Docusaurus' js-yaml, which knows 1.1 timestamps) see dates, `yes`,
    // `0b101`, `1:30` where the 1.2 core schema sees strings; 1.2 sees `0o17` where 1.1 sees a string.
    return parse(value, { version: '1.1' }) !== value || parse(value) !== value;
  } catch {
    return true;
  }
}

/**
 * `---`-fenced YAML written by a YAML library: titles with `:`, quotes or `#` are quoted as YAML needs,
 * and so is any string a YAML 1.1 or 1.2 reader could take for a date, a number, a boolean or null, so
 * every value comes back as the string it was.
 */
export function frontMatterBlock(frontMatter: DocumentFrontMatter): string {
  const document = new Document(frontMatter);
  visit(document, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && readsAsOther(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return `---\n${document.toString({ lineWidth: 0 })}---\n`;
}
