import { stat } from 'node:fs/promises';
import { UsageError } from '../errors/usage-error';

/** `--site` must name an existing folder: the writer never creates a site, it fills one. */
export async function checkSiteFolder(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new UsageError(`--site: ${path} does not exist (create the Docusaurus site first)`);
  if (!info.isDirectory()) throw new UsageError(`--site: ${path} is not a folder`);
}
