import { cp, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SiteVariant } from './site.variant';

export const SITE_DIR = resolve(__dirname, '..');

/**
 * A fresh copy of the variant's site in `.e2e/<workDirName>` (git-ignored): its own files only, everything
 * else is written by docusaurus-writer or the build. It stays inside the project so that Node resolves
 * Docusaurus from the workspace's node_modules, and at a fixed path so that webpack's persistent cache
 * (node_modules/.cache of the project) makes the next build warm.
 */
export async function freshSiteCopy(variant: SiteVariant): Promise<string> {
  const workDir = join(SITE_DIR, '.e2e', variant.workDirName);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(join(workDir, 'docs'), { recursive: true });
  for (const [to, from] of Object.entries(variant.files)) {
    await cp(join(SITE_DIR, from), join(workDir, to), { recursive: true });
  }
  return workDir;
}
