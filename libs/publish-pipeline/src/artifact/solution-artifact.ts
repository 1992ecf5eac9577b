import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readManifest, resolveInside } from '@zmp-manual/docusaurus-writer';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export interface SolutionArtifact {
  bytes: Uint8Array;
  /** Hex sha256 of `bytes`. */
  sha256: string;
}

/** One fixed time for every entry, built from local fields because zip stores local (DOS) time. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * A zip of every file docusaurus-writer lists for the solution in the site (pages, translations, category
 * files, assets, the locale `current.json` files holding its labels) and the manifest itself. Paths are
 * sorted and every entry has the same time, so the same tree always gives the same bytes.
 */
export async function buildArtifact(root: string, solution: string, manifestPath: string): Promise<SolutionArtifact> {
  const manifest = await readManifest({ root, solution });
  const paths = [...new Set([...Object.keys(manifest?.files ?? {}), ...Object.keys(manifest?.translationKeys ?? {}), ...(manifest ? [manifestPath] : [])])].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const entries: Zippable = {};
  for (const path of paths) {
    const data = await readFile(resolveInside(root, ...path.split('/'))).catch(() => undefined);
    if (data !== undefined) entries[path] = [new Uint8Array(data), { mtime: FIXED_MTIME }];
  }
  const bytes = zipSync(entries, { level: 6 });
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
