import { maskClassicHeadingIds, parseMdx } from './mdx-parser';

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
    expect(maskClassicHeadingIds(source)).toBe('## Ports         \n\nText\n');
    const root = parseMdx(source);
    expect(root.children.map((node) => node.type)).toEqual(['heading', 'paragraph']);
    expect(root.children[1].position!.start.offset).toBe(source.indexOf('Text'));
  });

  it('refuses text that is not valid MDX, naming where', () => {
    expect(() => parseMdx('Hello {name')).toThrow(/1:7|1:12|expression/i);
  });
});
