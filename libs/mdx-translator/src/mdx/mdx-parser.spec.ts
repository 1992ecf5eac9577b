import { maskDocusaurusSyntax, parseMdx } from './mdx-parser';

describe('parseMdx', () => {
  it('reads front matter, admonitions, JSX, expressions, math and GFM tables with positions', () => {
    const source = [
      '---',
      'title: Install',
      '---',
      '',
      ':::tip',
      'Use **Node** 20.',
      ':::',
      '',
      '<Tabs groupId="os">{props.x}</Tabs>',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '$$',
      'x^2',
      '$$',
      '',
    ].join('\n');
    const root = parseMdx(source);
    expect(root.children.map((node) => node.type)).toEqual(['yaml', 'containerDirective', 'mdxJsxFlowElement', 'table', 'math']);
    const tip = root.children[1];
    expect(source.slice(tip.position!.start.offset, tip.position!.end.offset)).toBe(':::tip\nUse **Node** 20.\n:::');
  });

  it('accepts classic {#id} heading ids without moving any offset', () => {
    const source = '## Ports {#ports}\n\nText\n';
    expect(maskDocusaurusSyntax(source)).toBe('## Ports         \n\nText\n');
    const root = parseMdx(source);
    expect(root.children.map((node) => node.type)).toEqual(['heading', 'paragraph']);
    expect(root.children[1].position!.start.offset).toBe(source.indexOf('Text'));
  });

  it('reads what Docusaurus still accepts from MDX 1 (`:::note Title`, HTML comments) without moving offsets', () => {
    const source = ':::note Read this\n\nText <!-- a comment --> here.\n\n:::\n\n<!-- block -->\n';
    expect(maskDocusaurusSyntax(source)).toBe(':::note          \n\nText {/*  a comment */} here.\n\n:::\n\n{/*  block */}\n');
    const root = parseMdx(source);
    expect(root.children.map((node) => node.type)).toEqual(['containerDirective', 'mdxFlowExpression']);
    expect(parseMdx('\\<!-- escaped -->').children[0].type).toBe('paragraph');
  });

  it('counts a byte order mark in every offset', () => {
    const source = '\uFEFF---\ntitle: A\n---\n\n# Title\n';
    const heading = parseMdx(source).children[1];
    expect(source.slice(heading.position!.start.offset, heading.position!.end.offset)).toBe('# Title');
  });

  it('refuses text that is not valid MDX, naming where', () => {
    expect(() => parseMdx('Hello {name')).toThrow(/1:7|1:12|expression/i);
  });
});
