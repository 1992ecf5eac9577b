import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Category } from './category.builder';
import { readFrontMatter } from './front-matter.reader';
import { foldName } from './path-collision.check';
import { assertSafeSegment, safeSegments } from './safe-path';
import type { Asset, ExportedDocument, Translation } from './writer-input.types';
import { WriterError } from './writer-error';

const PAGE_EXTENSIONS = ['.mdx', '.md'];
const SHA256_HEX = /^[0-9a-f]{64}$/i;
/** Front matter fields a translation must keep: changing them changes the page's id or URL. */
const STABLE_FRONT_MATTER = ['id', 'slug'];

/** One field of a front matter object. */
function field(frontMatter: object, name: string): unknown {
  return (frontMatter as Readonly<Record<string, unknown>>)[name];
}

/** Checks every document against the contract and returns them by page id, in input order. */
export function validateDocuments(documents: readonly ExportedDocument[]): Map<string, ExportedDocument> {
  const byPage = new Map<string, ExportedDocument>();
  const byPath = new Map<string, string>();
  for (const document of documents) {
    const { pageId, relativePath } = document;
    const invalid = (why: string): WriterError =>
      new WriterError('invalid_document', `Document ${JSON.stringify(pageId)} (${relativePath}): ${why}.`, { pageId, path: relativePath });
    if (typeof pageId !== 'string' || pageId === '') throw invalid('pageId must be a non-empty string');
    if (typeof document.mdx !== 'string') throw invalid('mdx must be a string');
    if (typeof document.title !== 'string') throw invalid('title must be a string');
    if (typeof relativePath !== 'string') throw invalid('relativePath must be a string');
    safeSegments(relativePath);
    const { name, ext } = posix.parse(relativePath);
    if (!PAGE_EXTENSIONS.includes(ext)) throw invalid('relativePath must end in .mdx or .md');
    if ((name === 'index') !== document.isDirectory) {
      throw invalid(document.isDirectory ? 'a directory page must be <dir>/index.mdx' : 'only a directory page may be named index');
    }
    if (document.isDirectory && document.title.trim() === '') throw invalid('a directory page needs a title (its category label)');
    if (!Number.isFinite(document.sidebarPosition)) throw invalid('sidebarPosition must be a finite number');
    if (byPage.has(pageId)) throw invalid('another document has the same pageId');
    const folded = foldName(relativePath);
    const other = byPath.get(folded);
    if (other !== undefined) throw invalid(`its path collides with page ${JSON.stringify(other)}'s (letter case and Unicode normalisation ignored)`);
    byPage.set(pageId, document);
    byPath.set(folded, pageId);
  }
  return byPage;
}

/** The sidebar categories: one per directory page, the solution's root page included. */
export function categoriesOf(documents: Iterable<ExportedDocument>, solution: string): Map<string, Category> {
  const categories = new Map<string, Category>();
  for (const document of documents) {
    if (!document.isDirectory) continue;
    const folder = posix.dirname(document.relativePath);
    const dir = folder === '.' ? '' : folder;
    const id = field(document.frontMatter, 'id');
    categories.set(document.pageId, {
      dir,
      label: document.title,
      position: document.sidebarPosition,
      key: dir === '' ? solution : `${solution}/${dir}`,
      linkId: typeof id === 'string' && id !== '' ? id : posix.parse(document.relativePath).name,
    });
  }
  return categories;
}

/**
 * Checks the translations and returns each one's front matter title (used for category labels), keyed by
 * `<language>\n<pageId>`.
 */
export function validateTranslations(
  translations: readonly Translation[],
  documents: ReadonlyMap<string, ExportedDocument>,
  languages: readonly string[],
): Map<string, string | undefined> {
  const titles = new Map<string, string | undefined>();
  for (const { language, pageId, mdx } of translations) {
    const invalid = (why: string, cause?: unknown): WriterError =>
      new WriterError('invalid_translation', `Translation of ${JSON.stringify(pageId)} into ${JSON.stringify(language)}: ${why}.`, {
        pageId,
        language,
        cause,
      });
    if (!languages.includes(language)) throw invalid('the language is not among `languages`');
    const source = documents.get(pageId);
    if (!source) throw invalid('no document has this pageId');
    if (typeof mdx !== 'string') throw invalid('mdx must be a string');
    const key = `${language}\n${pageId}`;
    if (titles.has(key)) throw invalid('it is given twice');
    const { frontMatter, problem, cause } = readTranslatedFrontMatter(source, mdx);
    if (problem !== undefined) throw invalid(problem, cause);
    const title = frontMatter['title'];
    titles.set(key, typeof title === 'string' && title.trim() !== '' ? title : undefined);
  }
  return titles;
}

/**
 * The front matter of a translated page, or why it cannot stand for `source`: it must parse, and keep the
 * source's `id` and `slug` (a changed id breaks the category link and every link to the page).
 */
export function readTranslatedFrontMatter(
  source: ExportedDocument,
  mdx: string,
): { frontMatter: Record<string, unknown>; problem?: string; cause?: unknown } {
  let frontMatter: Record<string, unknown>;
  try {
    frontMatter = readFrontMatter(mdx);
  } catch (error) {
    return { frontMatter: {}, problem: 'its front matter is not valid YAML', cause: error };
  }
  for (const name of STABLE_FRONT_MATTER) {
    const expected = field(source.frontMatter, name);
    if (frontMatter[name] !== expected) {
      return { frontMatter, problem: `front matter "${name}" must stay ${JSON.stringify(expected)}, got ${JSON.stringify(frontMatter[name])}` };
    }
  }
  return { frontMatter };
}

/** Checks names, hashes and bytes; returns one asset per file name, sorted by name. */
export function validateAssets(assets: readonly Asset[]): Asset[] {
  const byName = new Map<string, Asset>();
  for (const asset of assets) {
    const { fileName, sha256 } = asset;
    if (typeof fileName !== 'string') {
      throw new WriterError('invalid_asset', 'An asset has no fileName.', {});
    }
    assertSafeSegment(fileName);
    if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
      throw new WriterError('invalid_asset', `Asset ${fileName}: sha256 must be 64 hex digits.`, { path: fileName });
    }
    if (asset.data !== undefined) {
      const actual = createHash('sha256').update(asset.data).digest('hex');
      if (actual !== sha256.toLowerCase()) {
        throw new WriterError('asset_hash_mismatch', `Asset ${fileName}: its bytes hash to ${actual}, not ${sha256}.`, { path: fileName });
      }
    }
    const other = byName.get(fileName);
    if (other && other.sha256.toLowerCase() !== sha256.toLowerCase()) {
      throw new WriterError('invalid_asset', `Two different assets are named ${fileName}.`, { path: fileName });
    }
    if (!other || (other.data === undefined && asset.data !== undefined)) byName.set(fileName, asset);
  }
  return [...byName.values()].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}
