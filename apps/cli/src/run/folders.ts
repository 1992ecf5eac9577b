import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { CliIo } from '../cli-io';
import { UsageError } from '../errors/usage-error';

/** `--data-dir`, else `ZMP_MANUAL_DATA_DIR`, else `$XDG_CACHE_HOME/zmp-manual`, else `~/.cache/zmp-manual`. */
export function resolveDataDir(flag: string | undefined, io: CliIo): string {
  const chosen = flag ?? io.env['ZMP_MANUAL_DATA_DIR']?.trim();
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(io.cwd, chosen);
  const cache = io.env['XDG_CACHE_HOME']?.trim();
  return join(cache && isAbsolute(cache) ? cache : join(io.env['HOME']?.trim() || homedir(), '.cache'), 'zmp-manual');
}

/** Where the exporter's manifest is kept in the data folder (incremental exports). */
export const stateDir = (dataDir: string): string => join(dataDir, 'state');

/** Where a solution's translation memory lives in the data folder (shared by `translate` and `publish`). */
export const memoryDir = (dataDir: string, solution: string): string => join(dataDir, 'memory', solution);

/** `--site`, resolved against the working folder; it must be an existing folder (the writer fills a site, it never creates one). */
export async function siteFolder(site: string, io: CliIo): Promise<string> {
  const path = isAbsolute(site) ? site : resolve(io.cwd, site);
  const info = await stat(path).catch(() => null);
  if (info === null) throw new UsageError(`--site: ${path} does not exist (create the Docusaurus site first)`);
  if (!info.isDirectory()) throw new UsageError(`--site: ${path} is not a folder`);
  return path;
}
