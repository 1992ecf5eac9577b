import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { readManifest, resolveInside } from '@zmp-manual/docusaurus-writer';
import type { Asset, SiteLayoutName, Translation, WriterManifest } from '@zmp-manual/docusaurus-writer';
import { parseNotionId } from '../notion-id';
import { readFrontMatter } from './front-matter';
import { classifySitePath } from './site-paths';

/** A page as it stands in the site, in the shape `writeSolution` takes back. */
export interface SiteDocument {
  /** The front matter's `notion_page_id` (dashed), or `site:<relativePath>` when it has none. */
  pageId: string;
  title: string;
  relativePath: string;
  isDirectory: boolean;
  sidebarPosition: number;
  frontMatter: Record<string, unknown>;
  mdx: string;
}

/** What the writer's manifest says a solution's part of the site holds, read back from the files. */
export interface SiteContent {
  /** `undefined` when the site has no manifest for the solution yet (nothing written there by us). */
  manifest: WriterManifest | undefined;
  /** Sorted by `relativePath`. */
  documents: SiteDocument[];
  /** Every asset the manifest lists, without bytes (the writer keeps the file as it is). */
  assets: Asset[];
  /** Every translated page whose source page is in `documents`, in every language present. */
  translations: Translation[];
  /** The languages of `translations`, sorted. */
  languages: string[];
}

export interface ReadSiteOptions {
  /** The site folder (the working copy). */
  root: string;
  solution: string;
  signal?: AbortSignal;
}

const EMPTY: Omit<SiteContent, 'manifest'> = { documents: [], assets: [], translations: [], languages: [] };

async function readText(root: string, path: string): Promise<string | undefined> {
  try {
    return await readFile(resolveInside(root, ...path.split('/')), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function toDocument(relativePath: string, mdx: string): SiteDocument {
  const frontMatter = readFrontMatter(mdx);
  const { title, id, sidebar_position: position } = frontMatter;
  const name = posix.parse(relativePath).name;
  return {
    pageId: parseNotionId(frontMatter['notion_page_id']) ?? `site:${relativePath}`,
    title: typeof title === 'string' && title.trim() !== '' ? title : typeof id === 'string' && id !== '' ? id : name,
    relativePath,
    isDirectory: name === 'index',
    sidebarPosition: typeof position === 'number' && Number.isFinite(position) ? position : 0,
    frontMatter,
    mdx,
  };
}

/**
 * Reads back what docusaurus-writer wrote for `solution` (its manifest and the files it lists): pages with
 * their page id, title, position and path; translations in every language; assets by name and hash. A
 * listed file that is gone is skipped (the next write puts it back or drops it).
 */
export async function readSite(options: ReadSiteOptions): Promise<SiteContent> {
  const { root, solution, signal } = options;
  const manifest = await readManifest({ root, solution });
  if (manifest === undefined) return { manifest, ...EMPTY };
  const layout: SiteLayoutName = manifest.layout;
  const documents: SiteDocument[] = [];
  const assets: Asset[] = [];
  const localized: { language: string; relativePath: string; mdx: string }[] = [];
  for (const [path, sha256] of Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    signal?.throwIfAborted();
    const entry = classifySitePath(path, solution, layout);
    if (entry.kind === 'asset') assets.push({ fileName: entry.fileName, sha256 });
    if (entry.kind !== 'document' && entry.kind !== 'translation') continue;
    const mdx = await readText(root, path);
    if (mdx === undefined) continue;
    if (entry.kind === 'document') documents.push(toDocument(entry.relativePath, mdx));
    else localized.push({ language: entry.language, relativePath: entry.relativePath, mdx });
  }
  const seen = new Set<string>();
  for (const document of documents) {
    // Two files claiming one page (edited by hand): the first keeps the id, the others stay as they are.
    if (seen.has(document.pageId)) document.pageId = `site:${document.relativePath}`;
    seen.add(document.pageId);
  }
  const byPath = new Map(documents.map((document) => [document.relativePath, document.pageId]));
  const translations: Translation[] = [];
  for (const { language, relativePath, mdx } of localized) {
    const pageId = byPath.get(relativePath);
    if (pageId !== undefined) translations.push({ language, pageId, mdx });
  }
  const languages = [...new Set(translations.map((t) => t.language))].sort();
  return { manifest, documents, assets, translations, languages };
}
