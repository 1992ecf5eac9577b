import type { Root } from 'mdast';
import { assetUrl, pageUrl } from '../convert/symbolic-urls';
import { serializeMdx } from './mdx-serializer';
import { relativeLink, resolveReferences } from './reference-resolver';
import type { ResolveSources } from './reference-resolver';

const sources: ResolveSources = {
  page: (id) => (id === 'p1' ? { relativePath: 'a/b/index.mdx', title: 'B' } : undefined),
  database: () => undefined,
  asset: (key) => (key === 'https://files/ok.png' ? { url: '/img/zcp/0123456789abcdef.png', fileName: '0123456789abcdef.png' } : undefined),
  userName: () => null,
  anchors: () => new Map(),
  linkedBlocks: new Set(),
};
const doc = { pageId: 'p0', relativePath: 'a/c/d.mdx', notionUrl: 'https://www.notion.so/p0' };

describe('relativeLink', () => {
  it.each([
    ['index.mdx', 'a/b.mdx', './a/b.mdx'],
    ['a/index.mdx', 'a/b.mdx', './b.mdx'],
    ['a/b/index.mdx', 'a/c.mdx', '../c.mdx'],
    ['a/b/c.mdx', 'index.mdx', '../../index.mdx'],
    ['a/b.mdx', 'a/b.mdx', './b.mdx'],
  ])('from %s to %s is %s', (from, to, link) => {
    expect(relativeLink(from, to)).toBe(link);
  });
});

describe('resolveReferences', () => {
  it('writes downloaded files under the asset prefix and lists them', () => {
    const body: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'image', url: assetUrl('https://files/ok.png'), alt: 'ok' }] }] };
    const resolved = resolveReferences(body, doc, sources);
    expect(serializeMdx(resolved.body)).toBe('![ok](/img/zcp/0123456789abcdef.png)\n');
    expect(resolved.assetFileNames).toEqual(['0123456789abcdef.png']);
  });

  it('turns an image that could not be downloaded into a visible link to the page in Notion', () => {
    const body: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'image', url: assetUrl('https://files/gone.png'), alt: 'Diagram' }] }] };
    const resolved = resolveReferences(body, doc, sources);
    expect(serializeMdx(resolved.body)).toBe('[Diagram (not exported: view it in Notion)](https://www.notion.so/p0)\n');
    expect(resolved.assetFileNames).toEqual([]);
  });

  it('links pages in the tree relatively, and others (with their block anchor) on Notion', () => {
    const link = (url: string) => ({ type: 'link' as const, url, children: [{ type: 'text' as const, value: 'x' }] });
    const body: Root = { type: 'root', children: [{ type: 'paragraph', children: [link(pageUrl('p1')), link(pageUrl('p9', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'))] }] };
    expect(serializeMdx(resolveReferences(body, doc, sources).body)).toBe('[x](../b/index.mdx)[x](https://www.notion.so/p9#aaaaaaaabbbbccccddddeeeeeeeeeeee)\n');
  });
});
