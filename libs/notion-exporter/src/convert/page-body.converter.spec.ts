import type { BlockObjectResponse } from '@notionhq/client';
import type { BlockNode } from '../crawl/block-node';
import { serializeMdx } from '../render/mdx-serializer';
import { DEFAULT_CALLOUT_MAPPING } from './callout-mapping';
import { convertPageBody } from './page-body.converter';

const plain = { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' } as const;
const rich = (content: string) => [{ type: 'text', text: { content, link: null }, annotations: plain, plain_text: content, href: null }];

function block(id: string, type: string, payload: unknown, children: BlockNode[] = []): BlockNode {
  return { block: { object: 'block', id, type, [type]: payload, has_children: children.length > 0 } as unknown as BlockObjectResponse, children };
}

describe('convertPageBody', () => {
  it('writes an unknown block type as a visible MDX comment, keeps its content, and warns', () => {
    const tab = block('b1', 'tab', {}, [block('b2', 'paragraph', { rich_text: rich('Inside the tab'), color: 'default' })]);
    const { body, warnings } = convertPageBody('page-1', [tab], DEFAULT_CALLOUT_MAPPING);
    expect(serializeMdx(body)).toBe('{/* Notion block "tab" is not supported by the exporter: only its content follows. */}\n\nInside the tab\n');
    expect(warnings).toEqual([expect.objectContaining({ code: 'unsupported_block', pageId: 'page-1', blockId: 'b1' })]);
  });

  it('groups consecutive list items into one list, and adds the TOCInline import once', () => {
    const item = (id: string, text: string) => block(id, 'numbered_list_item', { rich_text: rich(text), color: 'default' });
    const toc = () => block(`toc-${Math.random()}`, 'table_of_contents', { color: 'default' });
    const { body } = convertPageBody('p', [toc(), item('a', 'one'), item('b', 'two'), toc()], DEFAULT_CALLOUT_MAPPING);
    expect(serializeMdx(body)).toBe(
      "import TOCInline from '@theme/TOCInline';\n\n<TOCInline toc={toc} />\n\n1. one\n2. two\n\n<TOCInline toc={toc} />\n",
    );
  });

  it('maps callouts by colour, then emoji, then the fallback', () => {
    const callout = (id: string, color: string, emoji: string) => block(id, 'callout', { rich_text: rich(id), color, icon: { type: 'emoji', emoji } });
    const { body } = convertPageBody('p', [callout('a', 'red_background', '💡'), callout('b', 'default', '💡'), callout('c', 'gray_background', '📋')], DEFAULT_CALLOUT_MAPPING);
    expect(serializeMdx(body)).toBe(':::danger\na\n:::\n\n:::tip\nb\n:::\n\n:::note\nc\n:::\n');
  });
});
