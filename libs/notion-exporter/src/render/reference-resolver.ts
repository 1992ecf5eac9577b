import type { Link, Nodes, Root, RootContent } from 'mdast';
import { posix } from 'node:path';
import { notionUrl } from '../api/page-id';
import { paragraph, text } from '../convert/mdast-builders';
import type { MdxJsxAttribute } from '../convert/mdast-types';
import { ASSET_URL, DATABASE_URL, PAGE_URL } from '../convert/symbolic-urls';
import type { DatabaseTableData, MentionData } from '../convert/symbolic-urls';
import { pinHeadingIds } from './heading-anchors';
import { databaseTable } from './database-table';
import type { DatabaseInfo } from './database-table';


/** What the resolver needs to know about the rest of the export. */
export interface ResolveSources {
  page(id: string): { relativePath: string; title: string } | undefined;
  database(id: string): DatabaseInfo | undefined;
  /** `<assetUrlPrefix>/<fileName>` of a downloaded asset, or undefined when it could not be exported. */
  asset(key: string): { url: string; fileName: string } | undefined;
  userName(id: string): string | null;
  /** A page's heading anchors by block id (see heading-anchors). */
  anchors(pageId: string): Map<string, string>;
  /** Blocks that some link of the export points at: their headings get an explicit id. */
  linkedBlocks: Set<string>;
}

/** The document being resolved. */
export interface ResolveTarget {
  pageId: string;
  relativePath: string;
  /** Where a reader goes when a file could not be exported: the page in Notion. */
  notionUrl: string;
}

export interface ResolvedBody {
  body: Root;
  assetFileNames: string[];
}

/** `a/b/index.mdx` → `a/c.mdx` gives `../c.mdx`; always starts with `./` or `../`. */
export function relativeLink(fromPath: string, toPath: string): string {
  const rel = posix.relative(posix.dirname(fromPath), toPath);
  return rel.startsWith('../') ? rel : `./${rel}`;
}

/**
 * Turns a stored body into the one to write: database placeholders become tables of their current rows,
 * symbolic page links become relative `.mdx` links (or Notion URLs outside the tree), asset URLs become
 * `<assetUrlPrefix>/<fileName>`. The input is not modified.
 */
export function resolveReferences(stored: Root, doc: ResolveTarget, sources: ResolveSources): ResolvedBody {
  const body = structuredClone(stored);
  const fromPath = doc.relativePath;
  const fallbackUrl = doc.notionUrl;
  const used = new Set<string>();
  pinHeadingIds(body, sources.anchors(doc.pageId), sources.linkedBlocks);

  const resolveUrl = (url: string): string => {
    if (url.startsWith(PAGE_URL)) {
      const [id, blockId] = url.slice(PAGE_URL.length).split('#');
      const target = sources.page(id);
      if (!target) return notionUrl(id) + (blockId ? `#${blockId.replace(/-/g, '')}` : '');
      const anchor = blockId ? sources.anchors(id).get(blockId) : undefined;
      return relativeLink(fromPath, target.relativePath) + (anchor ? `#${anchor}` : '');
    }
    if (url.startsWith(DATABASE_URL)) {
      const db = sources.database(url.slice(DATABASE_URL.length));
      const host = db && sources.page(db.hostPageId);
      return host ? relativeLink(fromPath, host.relativePath) : notionUrl(url.slice(DATABASE_URL.length));
    }
    if (url.startsWith(ASSET_URL)) {
      const key = url.slice(ASSET_URL.length);
      const asset = sources.asset(key);
      if (asset) used.add(asset.fileName);
      return asset ? asset.url : fallbackUrl;
    }
    return url;
  };

  const mentionTitle = (url: string, current: string): string => {
    if (url.startsWith(PAGE_URL)) {
      const id = url.slice(PAGE_URL.length).split('#')[0];
      return sources.page(id)?.title ?? (current || notionUrl(id));
    }
    if (url.startsWith(DATABASE_URL)) return sources.database(url.slice(DATABASE_URL.length))?.title ?? (current || notionUrl(url.slice(DATABASE_URL.length)));
    return current;
  };

  /** A file that could not be exported becomes a visible link to the page in Notion (never a broken image or player). */
  const unavailableFile = (node: RootContent): RootContent | undefined => {
    const missing = (url: unknown) => typeof url === 'string' && url.startsWith(ASSET_URL) && !sources.asset(url.slice(ASSET_URL.length));
    const visible = (label: string): Link => ({ type: 'link', url: fallbackUrl, children: [text(`${label} (not exported: view it in Notion)`)] });
    if (node.type === 'image' && missing(node.url)) return visible(node.alt || 'Image');
    if (node.type === 'mdxJsxFlowElement' && (node.name === 'video' || node.name === 'audio')) {
      const src = (node.attributes as MdxJsxAttribute[]).find((a) => a.name === 'src')?.value;
      if (missing(src)) return paragraph([visible(node.name === 'video' ? 'Video' : 'Audio')]);
    }
    return undefined;
  };

  const visit = (node: Nodes): void => {
    if ('children' in node) {
      const children: RootContent[] = [];
      for (const child of node.children as RootContent[]) {
        const db = (child.data as DatabaseTableData | undefined)?.notionDatabase;
        if (child.type === 'mdxFlowExpression' && db) {
          const info = sources.database(db.id);
          children.push(...databaseTable(info ?? { title: db.title, hostPageId: '', rows: [] }, sources.userName));
        } else children.push(unavailableFile(child) ?? child);
      }
      (node as { children: RootContent[] }).children = children;
      children.forEach(visit);
    }
    if (node.type === 'link' || node.type === 'image') {
      const original = node.url;
      node.url = resolveUrl(original);
      if (node.type === 'link' && (node.data as MentionData | undefined)?.notionMention) {
        const current = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
        node.children = [text(mentionTitle(original, current))];
        delete node.data;
      }
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attr of node.attributes as MdxJsxAttribute[]) {
        if (attr.type === 'mdxJsxAttribute' && typeof attr.value === 'string') attr.value = resolveUrl(attr.value);
      }
    }
  };
  visit(body);
  return { body, assetFileNames: [...used].sort() };
}
