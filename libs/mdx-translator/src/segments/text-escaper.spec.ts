import { parseMdx } from '../mdx/mdx-parser';
import { escapeAttribute, escapeMarkdownLine, escapeTitle } from './text-escaper';

/** The text a reader sees for a paragraph, and the node kinds it is made of. */
function read(markdown: string): { text: string; kinds: string[] } {
  const root = parseMdx(markdown);
  const kinds: string[] = [];
  let text = '';
  const visit = (node: { type: string; value?: unknown; children?: unknown[] }): void => {
    kinds.push(node.type);
    if (node.type === 'text') text += String(node.value);
    (node.children as Array<typeof node> | undefined)?.forEach(visit);
  };
  visit(root as unknown as { type: string });
  return { text, kinds };
}

const HOSTILE = [
  'Use {name} and <T> or a < b > c',
  '# not a heading',
  '- not a list',
  '1. not a list either',
  '> not a quote',
  '*stars* and _underscores_ and snake_case and `ticks`',
  '[not a link](x.y) ![not an image](a.png)',
  'a :directive and ::leaf and :::container at 12:30 and ko:10 s',
  'ko:Install and $x$ math and ~strike~ and | pipes |',
  ':::ţíþ and :ñame and ::ünïcode directive names',
  'back\\slash and &amp; entity and &#123; number',
  'ends with a hash #',
  '= setext-like',
];

describe('escapeMarkdownLine', () => {
  it.each(HOSTILE)('adds no syntax: %s', (text) => {
    expect(read(escapeMarkdownLine(text, true))).toEqual({ text, kinds: ['root', 'paragraph', 'text'] });
  });

  it('leaves ordinary text and intra-word underscores alone', () => {
    expect(escapeMarkdownLine('Deploy the snake_case app: 3 steps (fast).', true)).toBe('Deploy the snake_case app: 3 steps (fast).');
  });
});

describe('escapeAttribute and escapeTitle', () => {
  it('write a value that reads back exactly', () => {
    const value = 'Say "hi" & <b>{x}</b>';
    const root = parseMdx(`<X title="${escapeAttribute(value, '"')}" />`) as unknown as { children: Array<{ attributes: Array<{ value: string }> }> };
    expect(root.children[0].attributes[0].value).toBe(value);
    const link = parseMdx(`[a](u "${escapeTitle('A "quoted" \\ title', '"')}")`) as unknown as { children: Array<{ children: Array<{ title: string }> }> };
    expect(link.children[0].children[0].title).toBe('A "quoted" \\ title');
  });
});
