import type { Client } from '@notionhq/client';
import type { RateLimiter, RateLimitOptions } from './api/rate-limiter';
import type { RetryOptions } from './api/retry-policy';
import type { CalloutMapping } from './convert/callout-mapping';
import type { ExportManifest } from './manifest/export-manifest';

/** One page of the manual tree (the data behind the service's `GET /manuals`). */
export interface ManualNode {
  id: string;
  /** The page's title as written in Notion. */
  title: string;
  /** File-system-safe, unique among siblings (see README "Slugs"). */
  slug: string;
  /** Slugs from below the root down to this page; `[]` for the root. */
  slugPath: string[];
  /** Where the page's document lives inside the solution: `a/b.mdx`, `a/index.mdx`, `index.mdx` for the root. */
  relativePath: string;
  parentId: string | null;
  /** 1-based position among its siblings, in Notion order. */
  index: number;
  /** True when the page has sub-pages (or database rows). */
  isDirectory: boolean;
  /** `page` or `database_row` (a row of a database placed on the parent page). */
  kind: 'page' | 'database_row';
  notionUrl: string;
  lastEditedTime: string | null;
  lastEditedBy: string | null;
  lastEditorAvatarUrl: string | null;
}

export interface ExportWarning {
  code: 'unsupported_block' | 'block_unavailable' | 'database_unavailable' | 'asset_failed' | 'page_unavailable';
  pageId: string;
  blockId?: string;
  message: string;
}

/** A document's YAML front matter, as an object (the same data is written at the top of `mdx`). */
export interface DocumentFrontMatter {
  id: string;
  title: string;
  sidebar_position: number;
  description?: string;
  notion_page_id: string;
  last_update?: { date: string; author?: string };
}

export interface ExportedDocument {
  pageId: string;
  title: string;
  slugPath: string[];
  relativePath: string;
  isDirectory: boolean;
  sidebarPosition: number;
  parentId: string | null;
  frontMatter: DocumentFrontMatter;
  /** The complete file: YAML front matter + MDX body. */
  mdx: string;
  lastEditedTime: string | null;
  /** File names of the assets the document references. */
  assets: string[];
}

export interface Asset {
  /** `<first 16 hex of sha256>.<ext>`. */
  fileName: string;
  sha256: string;
  contentType: string;
  /** Where it came from, without the (expiring) query string. */
  sourceUrl: string;
  pageIds: string[];
  /** The bytes; absent when the file was re-used from the previous manifest without downloading it. */
  data?: Uint8Array;
}

export interface ExportStats {
  pages: number;
  /** Pages converted from freshly fetched blocks. */
  pagesConverted: number;
  /** Pages whose `last_edited_time` had not changed: previous output kept, no block calls. */
  pagesReused: number;
  /** Notion API requests by operation, retries included. */
  apiCalls: Record<string, number>;
  apiCallsTotal: number;
  retries: number;
  rateLimited: number;
  assetsDownloaded: number;
  assetsReused: number;
  warnings: ExportWarning[];
  durationMs: number;
}

export interface ExportProgress {
  phase: 'crawl' | 'assets' | 'render';
  /** The page just handled (crawl), or undefined for phase-level events. */
  pageId?: string;
  title?: string;
  pagesDone: number;
  /** Pages known so far (grows while the crawl discovers sub-pages). */
  pagesKnown: number;
  reused?: boolean;
}

export interface ExportResult {
  /** The manual tree, flat, in pre-order (root first). */
  tree: ManualNode[];
  documents: ExportedDocument[];
  assets: Asset[];
  stats: ExportStats;
  /** Pass it back as `previous` next time for an incremental export. JSON-serialisable. */
  manifest: ExportManifest;
}

/** Options every entry point shares. */
export interface NotionAccessOptions {
  /** A `@notionhq/client` Client (5.26+). Give it `retry: false` so every attempt goes through the exporter's limiter. */
  client: Client;
  signal?: AbortSignal;
  /** A limiter shared with other exports, or options for a new one. Default `{requestsPerSecond: 3}`. `false`: no limit (Retry-After is still honoured). */
  rateLimit?: RateLimiter | RateLimitOptions | false;
  retry?: RetryOptions;
  /** Pages fetched at the same time. Default 4. */
  concurrency?: number;
  /** Clock in ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

export interface CrawlTreeOptions extends NotionAccessOptions {
  rootPageId: string;
  /** With a previous manifest, unchanged pages cost no block calls (their sub-page list is taken from it). */
  previous?: ExportManifest;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ConvertOptions {
  /** Prefix of asset URLs in the MDX, e.g. `/img/zcp`. Default `/img`. */
  assetUrlPrefix?: string;
  /** Callout colour/emoji → admonition type. Merged over the defaults. */
  callouts?: Partial<CalloutMapping>;
  /** Database row properties (rich text) used as the front matter `description`, first non-empty wins. Default `['Description', 'Summary']`. */
  descriptionProperties?: string[];
  /** Downloads of Notion-hosted files at the same time. Default 4. */
  assetConcurrency?: number;
  /** `fetch` used for file downloads. Default the global `fetch`. */
  fetch?: typeof fetch;
}

export interface ExportTreeOptions extends CrawlTreeOptions, ConvertOptions {}

export interface ExportPageOptions extends NotionAccessOptions, ConvertOptions {
  pageId: string;
}

export interface ExportPageResult {
  document: ExportedDocument;
  assets: Asset[];
  stats: ExportStats;
}
