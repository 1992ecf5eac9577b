import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFEST_VERSION } from '@zmp-manual/notion-exporter';
import type { ExportManifest } from '@zmp-manual/notion-exporter';

/**
 * Where the exporter manifest of the last successful export of a solution is kept between runs:
 * `<stateDir>/<solution>-<hash of root page + target>.export-manifest.json`, one per root page and
 * repository + branch (or site folder), so two targets of one solution never share one.
 */
export function exportStatePath(stateDir: string, solution: string, rootPageId: string, target: string): string {
  const hash = createHash('sha256').update(`${rootPageId}\n${target}`).digest('hex').slice(0, 16);
  return join(stateDir, `${solution}-${hash}.export-manifest.json`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the JSON looks like a manifest the exporter accepts (else a full export is made). */
function isUsable(value: unknown): value is ExportManifest {
  if (!isRecord(value) || value['version'] !== MANIFEST_VERSION || typeof value['rootPageId'] !== 'string') return false;
  const exportedAt = value['exportedAt'];
  return typeof exportedAt === 'string' && !Number.isNaN(Date.parse(exportedAt)) && ['pages', 'assets', 'users'].every((key) => isRecord(value[key]));
}

/** The stored manifest, or `undefined` when there is none or it cannot be used (a full export follows). */
export async function readExportState(path: string): Promise<ExportManifest | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return isUsable(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the manifest atomically (a temporary file renamed over the old one). */
export async function writeExportState(path: string, manifest: ExportManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(manifest));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The manifest without the files the site does not hold: the exporter re-uses a known file without
 * downloading it (the writer then keeps the site's copy), so a file the site lacks must be downloaded again.
 */
export function withSiteAssets(manifest: ExportManifest, siteAssets: ReadonlySet<string>): ExportManifest {
  const assets = Object.fromEntries(Object.entries(manifest.assets).filter(([, asset]) => siteAssets.has(asset.fileName)));
  return { ...manifest, assets };
}
