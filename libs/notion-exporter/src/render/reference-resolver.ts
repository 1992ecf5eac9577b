import type { PageObjectResponse } from '@notionhq/client';
import type { Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { posix } from 'node:path';
import { notionUrl } from '../api/page-id';
import { paragraph, text } from '../convert/mdast-builders';
import type { MdxJsxAttribute } from '../convert/mdast-types';
import { ASSET_URL, DATABASE_URL, PAGE_URL, pageUrl } from '../convert/symbolic-urls';
import type { DatabaseTableData, MentionData } from '../convert/symbolic-urls';
import { propertyCell } from './property-cell';

export interface DatabaseInfo {
  title: string;
  hostPageId: string;
  rows: PageObjectResponse[];
}

/** What the resolver needs to know about the rest of the export. */
export interface ResolveSources {
  page(id: string): { relativePath: string; title: string } | undefined;
  database(id: string): DatabaseInfo | undefined;
  /** `<assetUrlPrefix>/<fileName>` of a downloaded asset, or undefined when it could not be exported. */
  asset(key: string): { url: string; fileName: string } | undefined;
  userName(id: string): string | null;
}

export interface ResolvedBody {
  body: Root;
  assetFileNames: string[];
  missingAssets: string[];
}

/** `a/b/index.mdx` → `a/c.mdx` gives `../c.mdx`; always starts with `./` or `../`. */
export function relativeLink(fromPath: string, toPath: string): string {
  const rel = posix.relative(posix.dirname(fromPath), toPath);
  return rel.startsWith('../') ? rel : `./${rel}`;
}

function databaseTable(info: DatabaseInfo, sources: ResolveSources): RootContent[] {
  const title: RootContent = paragraph([{ type: 'strong', children: [text(info.title || 'Database')] }]);
  if (info.rows.length === 0) return [title, paragraph([text('No entries yet.')])];
  const first = info.rows[0].properties;
  const names = [...Object.keys(first).filter((n) => first[n].type === 'title'), ...Object.keys(first).filter((n) => first[n].type !== 'title')];
  const userName = (id: string) => sources.userName(id);
  const header = { type: 'tableRow' as const, children: names.map((n) => ({ type: 'tableCell' as const, children: [text(n)] })) };
  const rows = info.rows.map((row) => ({
    type: 'tableRow' as const,
    children: names.map((name) => {
      const prop = row.properties[name];
      let cell: PhrasingContent[] = prop ? propertyCell(prop, userName) : [];
      if (prop?.type === 'title') cell = [{ type: 'link', url: pageUrl(row.id), children: cell.length ? cell : [text('Untitled')] }];
      return { type: 'tableCell' as const, children: cell };
    }),
  }));
  const table: Table = { type: 'table', align: names.map(() => null), children: [header, ...rows] };
  return [title, table];
}

/**
 * Turns a stored body into the one to write: database placeholders become tables of their current rows,
 * symbolic page links become relative `.mdx` links (or Notion URLs outside the tree), asset URLs become
 * `<assetUrlPrefix>/<fileName>`. The input is not modified.
 */
export function resolveReferences(stored: Root, fromPath: string, fallbackUrl: string, sources: ResolveSources): ResolvedBody {
  const body = structuredClone(stored);
  const used = new Set<string>();
  const missing = new Set<string>();

  const resolveUrl = (url: string): string => {
    if (url.startsWith(PAGE_URL)) {
      const target = sources.page(url.slice(PAGE_URL.length));
      return target ? relativeLink(fromPath, target.relativePath) : notionUrl(url.slice(PAGE_URL.length));
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
      else missing.add(key);
      return asset ? asset.url : fallbackUrl;
    }
    return url;
  };

  const mentionTitle = (url: string, current: string): string => {
    if (url.startsWith(PAGE_URL)) return sources.page(url.slice(PAGE_URL.length))?.title ?? (current || notionUrl(url.slice(PAGE_URL.length)));
    if (url.startsWith(DATABASE_URL)) return sources.database(url.slice(DATABASE_URL.length))?.title ?? (current || notionUrl(url.slice(DATABASE_URL.length)));
    return current;
  };

  const visit = (node: Nodes): void => {
    if ('children' in node) {
      const children: RootContent[] = [];
      for (const child of node.children as RootContent[]) {
        const db = (child.data as DatabaseTableData | undefined)?.notionDatabase;
        if (child.type === 'mdxFlowExpression' && db) {
          const info = sources.database(db.id);
          children.push(...databaseTable(info ?? { title: db.title, hostPageId: '', rows: [] }, sources));
        } else children.push(child);
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
  return { body, assetFileNames: [...used].sort(), missingAssets: [...missing].sort() };
}
