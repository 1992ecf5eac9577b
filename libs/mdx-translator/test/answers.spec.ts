import { translateMdx } from '../src';
import { compileMdx } from './support/compile-mdx';
import { fixedProvider } from './support/fixed-provider';

const run = async (source: string, answers: Record<string, string>) => {
  const result = await translateMdx({ source, to: 'fr', provider: fixedProvider(answers), headingIds: false });
  await expect(compileMdx(result.mdx)).resolves.toBeUndefined();
  return result;
};

describe('answers are written so they add no syntax', () => {
  it.each([
    ['a line break the model puts after a kept hard break, then `- `', '> first line\\\n> second line\n', { 'first line⟦1⟧second line': 'premier⟦1⟧\n  - second' }, '> premier\\\n> \\- second\n'],
    ['`# ` right after a hard break', 'first line\\\nsecond line\n', { 'first line⟦1⟧second line': 'premier⟦1⟧  # second' }, 'premier\\\n\\# second\n'],
    ['a lone carriage return in a heading', '# Title\n', { Title: 'un\rdeux' }, '# un deux\n'],
    ['a blank line inside a paragraph', 'One paragraph.\n', { 'One paragraph.': 'un\n\n\ndeux' }, 'un\ndeux\n'],
    ['white space just inside emphasis', 'Some **bold** text.\n', { 'Some ⟦1⟧bold⟦/1⟧ text.': 'Du⟦1⟧ gras ⟦/1⟧texte.' }, 'Du **gras** texte.\n'],
    ['a paragraph starting with `export`', 'Export the file.\n', { 'Export the file.': 'export const a = 1' }, '&#101;xport const a = 1\n'],
    ['a paragraph starting with `import`', 'Import it.\n', { 'Import it.': 'import x from "y"' }, '&#105;mport x from "y"\n'],
    ['a title that YAML 1.1 (js-yaml, Docusaurus) reads as a date', '---\ntitle: Hello\n---\n', { Hello: '2024-01-01' }, '---\ntitle: "2024-01-01"\n---\n'],
    ['a title YAML 1.2 reads as a number', '---\ntitle: Hello\n---\n', { Hello: '0o17' }, '---\ntitle: "0o17"\n---\n'],
    ['a title with a colon, a quote and a hash', '---\ntitle: Hello\n---\n', { Hello: 'a: "b" #c' }, '---\ntitle: \'a: "b" #c\'\n---\n'],
    ['a title with a comma in a flow mapping front matter', '---\n{title: Hello, id: x}\n---\n', { Hello: 'Bonjour, le monde' }, '---\n{title: "Bonjour, le monde", id: x}\n---\n'],
    ['a line break in a table cell', '| A |\n| - |\n| one |\n', { one: 'un\ndeux | trois' }, '| A |\n| - |\n| un deux \\| trois |\n'],
    ['a shortcut reference whose label is translated', 'See [Install].\n\n[install]: ./install.mdx\n', { 'See ⟦1⟧Install⟦/1⟧.': 'Voir ⟦1⟧Installer⟦/1⟧.' }, 'Voir [Installer][Install].\n\n[install]: ./install.mdx\n'],
    ['a collapsed reference', 'See [Setup][].\n\n[setup]: ./setup.mdx\n', { 'See ⟦1⟧Setup⟦/1⟧.': 'Voir ⟦1⟧Configurer⟦/1⟧.' }, 'Voir [Configurer][Setup].\n\n[setup]: ./setup.mdx\n'],
    ['an MDX 1 admonition title (Docusaurus makes it a label)', ':::tip Before you begin\n\nText.\n\n:::\n', { 'Before you begin': 'Avant [de] commencer' }, ':::tip Avant \\[de\\] commencer\n\nText.\n\n:::\n'],
    ['HTML comments, which Docusaurus accepts in MDX, are kept', 'Text <!-- note --> here.\n\n<!-- block -->\n', { 'Text ⟦1⟧ here.': 'Texte ⟦1⟧ ici.' }, 'Texte <!-- note --> ici.\n\n<!-- block -->\n'],
    ['a line break in a CRLF file', 'One line.\r\n', { 'One line.': 'une\nligne' }, 'une\r\nligne\r\n'],
  ])('%s', async (_name, source, answers, expected) => {
    const result = await run(source, answers);
    expect(result.report.failed).toEqual([]);
    expect(result.mdx).toBe(expected);
  });
});

describe('answers that would change the document are refused per segment; the source text stays', () => {
  const source = '# Deploy **fast**\n\nRead [the guide](./guide.mdx) now.\n\nPlain text.\n';
  it.each([
    ['a placeholder lost', { 'Read ⟦1⟧the guide⟦/1⟧ now.': 'Lisez le guide maintenant.' }, 'placeholder_missing'],
    ['a placeholder written twice', { 'Read ⟦1⟧the guide⟦/1⟧ now.': 'Lisez ⟦1⟧le⟦/1⟧ ⟦1⟧guide⟦/1⟧.' }, 'placeholder_duplicated'],
    ['a placeholder that was not there', { 'Read ⟦1⟧the guide⟦/1⟧ now.': 'Lisez ⟦1⟧le guide⟦/1⟧ ⟦2⟧.' }, 'placeholder_unknown'],
    ['a span closed before it opens', { 'Read ⟦1⟧the guide⟦/1⟧ now.': 'Lisez ⟦/1⟧le guide⟦1⟧.' }, 'placeholder_misnested'],
    ['a link target added as text', { 'Read ⟦1⟧the guide⟦/1⟧ now.': 'Lisez ⟦1⟧le guide⟦/1⟧ sur https://evil.example.com.' }, 'structure_changed'],
    ['emphasis that no longer parses', { 'Deploy ⟦1⟧fast⟦/1⟧': 'これは⟦1⟧「速い」⟦/1⟧です' }, 'structure_changed'],
    ['an empty answer', { 'Plain text.': '  ' }, 'empty'],
  ])('%s', async (_name, answers, reason) => {
    const provider = fixedProvider(answers);
    const { mdx, report } = await translateMdx({ source, to: 'fr', provider, headingIds: false });
    expect(report.failed).toEqual([{ id: expect.any(String), reason, text: Object.keys(answers)[0] }]);
    expect(mdx).toBe(source);
    // sent once in the batch, then once more alone
    expect(provider.requests.map((request) => request.segments.length)).toEqual([3, 1]);
  });
});
