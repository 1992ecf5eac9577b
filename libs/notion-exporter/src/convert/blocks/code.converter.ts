import type { CodeBlockObjectResponse } from '@notionhq/client';
import { oneLine, plainText } from '../../crawl/page-properties';
import type { BlockConverter } from '../convert-context';

/** Notion language names that Prism (Docusaurus) knows under another name. */
const LANGUAGES: Record<string, string> = {
  'plain text': 'text',
  'c++': 'cpp',
  'c#': 'csharp',
  'f#': 'fsharp',
  'objective-c': 'objectivec',
  'vb.net': 'vbnet',
  'visual basic': 'vb',
  'java/c/c++/c#': 'java',
  markup: 'markup',
  'html': 'html',
  shell: 'bash',
  'docker': 'docker',
};

function language(notion: string): string {
  const mapped = LANGUAGES[notion] ?? notion;
  return mapped.replace(/[^a-z0-9+#-]+/gi, '-').toLowerCase();
}

/** Docusaurus reads the title from the meta string: `title="…"`, with a quote the caption does not use. */
function titleMeta(caption: string): string | undefined {
  const flat = oneLine(caption);
  if (flat === '') return undefined;
  if (!flat.includes('"')) return `title="${flat}"`;
  if (!flat.includes("'")) return `title='${flat}'`;
  return `title="${flat.replace(/"/g, '\u201d')}"`;
}

export const codeConverter: BlockConverter = (node) => {
  const code = (node.block as CodeBlockObjectResponse).code;
  const value = plainText(code.rich_text).replace(/\r\n?/g, '\n');
  return [{ type: 'code', lang: language(code.language), meta: titleMeta(plainText(code.caption)) ?? null, value }];
};
