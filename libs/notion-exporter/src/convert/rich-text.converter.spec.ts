import type { RichTextItemResponse } from '@notionhq/client';
import type { Root } from 'mdast';
import { serializeMdx } from '../render/mdx-serializer';
import { convertRichText } from './rich-text.converter';

type Annotations = RichTextItemResponse['annotations'];
const plain: Annotations = { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' };

function t(content: string, annotations: Partial<Annotations> = {}, link?: string): RichTextItemResponse {
  return { type: 'text', text: { content, link: link ? { url: link } : null }, annotations: { ...plain, ...annotations }, plain_text: content, href: link ?? null };
}

/** Rich text → the MDX line it becomes. */
const mdx = (items: RichTextItemResponse[]): string => serializeMdx({ type: 'root', children: [{ type: 'paragraph', children: convertRichText(items) }] } as Root);

describe('convertRichText', () => {
  it('writes every annotation, keeping whitespace outside the markers', () => {
    expect(mdx([t('a '), t(' bold ', { bold: true }), t('then '), t('code', { code: true }), t(' '), t('gone', { strikethrough: true })])).toBe('a  **bold** then `code` ~~gone~~\n');
    expect(mdx([t('u', { underline: true }), t(' '), t('hi', { color: 'yellow_background' }), t(' '), t('red', { color: 'red' })])).toBe('<u>u</u> <mark>hi</mark> red\n');
  });

  it('merges neighbours with the same annotations and keeps one link across annotated parts', () => {
    expect(mdx([t('Kube', { bold: true }), t('rnetes', { bold: true })])).toBe('**Kubernetes**\n');
    expect(mdx([t('the ', {}, 'https://x.test/'), t('docs', { italic: true }, 'https://x.test/')])).toBe('[the *docs*](https://x.test/)\n');
  });

  it('turns links to Notion pages into symbolic page links', () => {
    const [link] = convertRichText([t('guide', {}, 'https://www.notion.so/Install-067888fd230c4a4b8073a974f3eaab08')]);
    expect(link).toMatchObject({ type: 'link', url: 'notion-page:067888fd-230c-4a4b-8073-a974f3eaab08' });
  });

  it('renders mentions: user by name, date formatted, page as a symbolic link', () => {
    const user = { type: 'mention', mention: { type: 'user', user: { object: 'user', id: 'u1' } }, annotations: plain, plain_text: '@Mina Park', href: null } as RichTextItemResponse;
    const date = { type: 'mention', mention: { type: 'date', date: { start: '2025-04-01', end: '2025-04-15', time_zone: null } }, annotations: plain, plain_text: '', href: null } as RichTextItemResponse;
    const page = { type: 'mention', mention: { type: 'page', page: { id: 'p1' } }, annotations: plain, plain_text: 'Installation', href: 'https://www.notion.so/p1' } as RichTextItemResponse;
    expect(mdx([user, t(' '), date])).toBe('Mina Park 2025-04-01 – 2025-04-15\n');
    expect(convertRichText([page])[0]).toMatchObject({ type: 'link', url: 'notion-page:p1', data: { notionMention: true } });
  });

  it('escapes text MDX would read as code: braces, tags, math, directives, ESM lines', () => {
    expect(mdx([t('{x} <T> $5 and $y$ a < b')])).toBe('\\{x} \\<T> \\$5 and \\$y\\$ a \\< b\n');
    expect(mdx([t('import Tabs from "@theme/Tabs"')])).toBe('&#x69;mport Tabs from "@theme/Tabs"\n');
    expect(mdx([t(':::tip not an admonition')])).toBe('::\\:tip not an admonition\n');
  });

  it('writes inline equations as math and line breaks as hard breaks (or <br /> in table cells)', () => {
    const eq = { type: 'equation', equation: { expression: 'a^2' }, annotations: plain, plain_text: 'a^2', href: null } as RichTextItemResponse;
    expect(mdx([t('so '), eq])).toBe('so $a^2$\n');
    expect(mdx([t('one\ntwo')])).toBe('one\\\ntwo\n');
    expect(convertRichText([t('one\ntwo')], { lineBreak: 'jsx' })[1]).toMatchObject({ type: 'mdxJsxTextElement', name: 'br' });
  });
});
