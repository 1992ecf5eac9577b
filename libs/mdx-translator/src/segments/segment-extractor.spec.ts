import { parseMdx } from '../mdx/mdx-parser';
import { extractSegments } from './segment-extractor';
import { createTermMatcher } from './term-matcher';

const extract = (source: string, terms: string[] = []) =>
  extractSegments(parseMdx(source), source, { terms: createTermMatcher(terms), attributes: new Set(['label', 'alt', 'title']), headingIds: true });

describe('extractSegments', () => {
  it('takes only the listed front matter keys, and the text of every block, never code, imports or expressions', () => {
    const source = [
      '---',
      'id: x',
      'slug: /x',
      'title: "The: title"',
      'description: >',
      '  Folded',
      '  text',
      'tags: [a, b]',
      '---',
      '',
      "import A from './a';",
      '',
      '{/* comment */}',
      '',
      '```js',
      'const text = "not me";',
      '```',
      '',
      'Hello `code` {expr} world.',
      '',
    ].join('\n');
    const { segments } = extract(source);
    expect(segments.map((segment) => [segment.context.type, segment.text, source.slice(segment.start, segment.end)])).toEqual([
      ['yaml', 'The: title', '"The: title"'],
      ['yaml', 'Folded text', '>\n  Folded\n  text'],
      ['markdown', 'Hello ⟦1⟧ ⟦2⟧ world.', 'Hello `code` {expr} world.'],
    ]);
  });

  it('finds attribute values, image alt and titles, link titles, also inside a segment’s markup', () => {
    const source = '<TabItem value="a" label="Linux">\n\nSee ![Diagram](/img/zcp/a.png "Big picture") and [docs](./d.mdx "Docs").\n\n</TabItem>\n';
    const texts = extract(source).segments.map((segment) => [segment.context.type, segment.text]);
    expect(texts).toEqual([
      ['attribute', 'Linux'],
      ['markdown', 'See ⟦1⟧ and ⟦2⟧docs⟦/2⟧.'],
      ['markdown', 'Diagram'],
      ['title', 'Big picture'],
      ['title', 'Docs'],
    ]);
  });

  it('turns do-not-translate terms into placeholders and skips segments with nothing to translate', () => {
    const { segments } = extract('ZCP runs on ZCP-Cloud.\n\n`only code`\n\n![](/img/x.png)\n', ['ZCP', 'ZCP-Cloud']);
    expect(segments.map((segment) => segment.text)).toEqual(['⟦1⟧ runs on ⟦2⟧.']);
  });

  it('adds heading ids from the source text unless the heading has one', () => {
    const source = '# Install ZCP\n\n## Ports\n\n## Ports\n\n## Named {#named}\n\n## Commented {/* #commented */}\n';
    const { headingIds } = extract(source);
    expect(headingIds.map((insertion) => [source.slice(0, insertion.start).split('\n').length, insertion.text])).toEqual([
      [1, ' {/* #install-zcp */}'],
      [3, ' {/* #ports */}'],
      [5, ' {/* #ports-1 */}'],
    ]);
  });
});
