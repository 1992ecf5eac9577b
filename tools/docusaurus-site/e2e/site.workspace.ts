import { cp, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The site's own files: everything else in the work copy is written by docusaurus-writer or the build. */
const SITE_FILES = ['docusaurus.config.mjs', 'sidebars.mjs', 'src'];

export const SITE_DIR = resolve(__dirname, '..');

/**
 * A fresh copy of the site in `.e2e/site` (git-ignored). It stays inside the project so that Node resolves
 * Docusaurus from the workspace's node_modules, and at a fixed path so that webpack's persistent cache
 * (node_modules/.cache of the project) makes the next build warm.
 */
export async function freshSiteCopy(): Promise<string> {
  const workDir = join(SITE_DIR, '.e2e', 'site');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(join(workDir, 'docs'), { recursive: true });
  for (const entry of SITE_FILES) await cp(join(SITE_DIR, entry), join(workDir, entry), { recursive: true });
  return workDir;
}
