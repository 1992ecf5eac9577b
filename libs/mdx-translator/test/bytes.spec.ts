import { createPseudoProvider, pseudoLocalize, translateMdx } from '../src';
import { compileMdx } from './support/compile-mdx';

const fr = (text: string): string => pseudoLocalize(text, 'fr');
const translate = async (source: string): Promise<string> => {
  const { mdx, report } = await translateMdx({ source, to: 'fr', provider: createPseudoProvider() });
  expect(report.failed).toEqual([]);
  return mdx;
};

describe('splicing by offsets keeps every untranslated byte', () => {
  it('CRLF line endings, tabs, odd spacing and no newline at the end', async () => {
    const source = [
      '---',
      'title: Tabs and CRLF',
      'id:   crlf\t# a comment',
      '---',
      '',
      '#  Start here  ',
      '',
      '-\tFirst item',
      '-   Second item with `code\t`',
      '',
      '> Quoted line one',
      '> line two',
      '',
      '```sh',
      'echo  "keep"\t',
      '```',
      '',
      '| A |  B  |',
      '|---|:---:|',
      '|\tone\t| `x` |',
      '',
      'Last line without newline',
    ].join('\r\n');
    const expected = [
      '---',
      `title: ${fr('Tabs and CRLF')}`,
      'id:   crlf\t# a comment',
      '---',
      '',
      `#  ${fr('Start here')} {/* #start-here */}  `,
      '',
      `-\t${fr('First item')}`,
      `-   ${fr('Second item with ')}\`code\t\``,
      '',
      `> ${fr('Quoted line one')}`,
      `> ${fr('line two')}`,
      '',
      '```sh',
      'echo  "keep"\t',
      '```',
      '',
      `| ${fr('A')} |  ${fr('B')}  |`,
      '|---|:---:|',
      `|\t${fr('one')}\t| \`x\` |`,
      '',
      fr('Last line without newline'),
    ].join('\r\n');
    const mdx = await translate(source);
    expect(mdx).toBe(expected);
    await expect(compileMdx(mdx)).resolves.toBeUndefined();
  });

  it('a byte order mark stays, and every offset after it still points where it should', async () => {
    const source = '\uFEFF---\ntitle: Hello\n---\n\n# Title\n\nBody text.\n';
    expect(await translate(source)).toBe(`\uFEFF---\ntitle: ${fr('Hello')}\n---\n\n# ${fr('Title')} {/* #title */}\n\n${fr('Body text.')}\n`);
  });

  it('an empty file and a file with nothing to translate come back unchanged', async () => {
    expect(await translate('')).toBe('');
    const code = "import A from './a';\n\n```js\nconst a = 1;\n```\n\n<A />\n";
    expect(await translate(code)).toBe(code);
  });
});
