import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TRANSLATABLE_ATTRIBUTES, parseMdx, translateMdx } from '../src';
import { extractSegments } from '../src/segments/segment-extractor';
import { compileMdx } from './support/compile-mdx';
import { protectedParts, untranslatedFrontMatter } from './support/protected-parts';
import { scriptedProvider } from './support/scripted-provider';

// Answers a model could give, written into every context a segment can sit in (headings, paragraphs in
// lists, quotes and admonitions, table cells, labels, alt text, titles, JSX attributes, front matter).
const HOSTILE = [
  '{x}', '}', '<b>', 'a < b > c', '*', '**x**', '_y_', '__z__', '# head', '#', 'x #', '| pipe |', ':::note', ':::',
  '1. one', '3) three', '- dash', '+ plus', '* star', '> quote', 'back\\', '\\', '```js', '~~~', '[a](b)', '[x]', '![i](j)',
  '[^1]', '&amp;', '&#123;', '&copy', '<div>', '</div>', '<!-- c -->', '{/* c */}', '😀 emoji', 'مرحبا بالعالم', 'line\nbreak',
  'a\r\nb', 'a\rb', '\n- item', '\n# h', '\n    code', '\n\n', 'x  \ny', '$x$', '$$', '---', '===', '***', '___', '\t tab',
  '  ', ': colon', 'key: value', "it's \"quoted\"", '@at', '!bang', '%', '`', 'a\\*b', '\u2028sep', '\u00a0nbsp', '::name',
  ':name[x]{y}', 'import x from "y"', 'export const a = 1', '2024-01-01', 'yes', '0o17', '~', '& amp', 'trailing \\',
];
/** Text a GFM reader turns into a link whatever the escapes: refused, the source text is kept. */
const LINKS = ['https://evil.example.com', 'www.example.com', 'someone@example.com'];

const fixtures = path.join(__dirname, 'fixtures');
const sources = ['guide', 'hostile', 'reference'].map((name) => ({ name, source: readFileSync(path.join(fixtures, name, 'input.mdx'), 'utf8') }));

/** Each run with a letter gets one of `words` in front, picked by segment, run and rotation. */
const withWords = (words: readonly string[], rotation: number) =>
  scriptedProvider((run, id, index) => {
    if (!/\p{L}/u.test(run)) return run;
    const word = words[(Number(id.slice(1)) * 7 + index + rotation) % words.length];
    return `${/^\s/.test(run) ? ' ' : ''}${word} ${run.trim()}${/\s$/.test(run) ? ' ' : ''}`;
  });

const segmentTexts = (mdx: string): string[] =>
  extractSegments(parseMdx(mdx), mdx, { attributes: new Set(DEFAULT_TRANSLATABLE_ATTRIBUTES), headingIds: false }).segments.map((segment) => segment.text);
const visible = (text: string): string => text.replace(/\s+/g, '');

describe.each(sources)('hostile answers into $name', ({ source }) => {
  it.each([0, 1, 2, 3])('rotation %d: every answer is written so it reads back as the model said it, and the file compiles', async (rotation) => {
    const provider = withWords(HOSTILE, rotation);
    const { mdx, report } = await translateMdx({ source, to: 'fr', provider });

    expect(report.failed).toEqual([]);
    await expect(compileMdx(mdx)).resolves.toBeUndefined();
    expect(protectedParts(mdx)).toEqual(protectedParts(source));
    expect(untranslatedFrontMatter(mdx)).toEqual(untranslatedFrontMatter(source));
    // Read back from the written file, each segment shows every character of the answer (white space
    // aside: line breaks become spaces where a line cannot break, and so on).
    expect(segmentTexts(mdx).map(visible)).toEqual(segmentTexts(source).map((_text, index) => visible(provider.answers.get(`s${index + 1}`) ?? '')));
  });

  it('an answer that adds a URL, a www. address or an e-mail (a link in GFM) is refused per segment, and the file still compiles', async () => {
    const { mdx, report } = await translateMdx({ source, to: 'fr', provider: withWords(LINKS, 0) });
    expect(report.failed.length).toBeGreaterThan(0);
    expect(new Set(report.failed.map((failure) => failure.reason))).toEqual(new Set(['structure_changed']));
    await expect(compileMdx(mdx)).resolves.toBeUndefined();
    expect(protectedParts(mdx)).toEqual(protectedParts(source));
  });
});
