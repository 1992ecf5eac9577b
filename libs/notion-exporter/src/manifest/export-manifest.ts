import type { Root } from 'mdast';
import { NotionExportError } from '../errors/export-error';
import type { ExportWarning } from '../types';

export const MANIFEST_VERSION = 1;

/** An entry of a page's ordered list of sub-pages: a child page, or a database whose rows are sub-pages. */
export type ChildEntry = { type: 'page'; id: string } | { type: 'database'; id: string; title: string; dataSourceIds: string[] };

/** A Notion-hosted file a page uses: `key` is its URL without the query string, `blockId` the block to re-read for a fresh URL. */
export interface AssetRef {
  key: string;
  blockId: string;
}

export interface ManifestPage {
  lastEditedTime: string;
  children: ChildEntry[];
  /** The converted body, with page links, database tables and asset URLs still symbolic (resolved at render). */
  body: Root;
  assets: AssetRef[];
  warnings: ExportWarning[];
  /** Original block ids of the synced blocks the page shows: when one of their pages changes, this one is listed again. */
  synced?: string[];
}

export interface ManifestAsset {
  fileName: string;
  sha256: string;
  contentType: string;
}

/**
 * What an export remembers for the next one. Versioned and JSON-serialisable: store it anywhere
 * (a file, Redis, the git repository) and pass it back as `previous`.
 */
export interface ExportManifest {
  version: typeof MANIFEST_VERSION;
  rootPageId: string;
  /** When the export that wrote it started (ISO). */
  exportedAt: string;
  /** Fingerprint of the conversion settings; a different one re-converts every page. */
  conversion: string;
  pages: Record<string, ManifestPage>;
  /** Assets already exported, by source key (URL without query string). */
  assets: Record<string, ManifestAsset>;
  users: Record<string, { name: string | null; avatarUrl: string | null }>;
}

/** Checks the shape of a manifest read back from storage; a manifest of another version is refused. */
export function checkManifest(value: unknown): ExportManifest {
  const m = value as Partial<ExportManifest> | null;
  if (!m || typeof m !== 'object' || m.version !== MANIFEST_VERSION) {
    throw new NotionExportError('invalid_manifest', `The previous manifest is not a version ${MANIFEST_VERSION} export manifest.`);
  }
  if (typeof m.exportedAt !== 'string' || Number.isNaN(Date.parse(m.exportedAt)) || typeof m.pages !== 'object' || typeof m.assets !== 'object' || typeof m.users !== 'object') {
    throw new NotionExportError('invalid_manifest', 'The previous manifest is missing exportedAt, pages, assets or users.');
  }
  return m as ExportManifest;
}

/** Notion rounds `last_edited_time` down to the minute, so an edit later in the minute of the previous export would keep the same value. */
const MINUTE_MS = 60_000;

/**
 * Whether a page can keep its previous output: same `last_edited_time`, and the previous export started
 * after that minute was over (else an edit in the same minute could have been missed).
 */
export function isUnchanged(previous: ManifestPage | undefined, lastEditedTime: string, previousExportAt: number): boolean {
  if (!previous || previous.lastEditedTime !== lastEditedTime) return false;
  const minuteStart = Date.parse(lastEditedTime);
  return Number.isFinite(minuteStart) && previousExportAt >= minuteStart + MINUTE_MS;
}
