import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The working copy of one repository + branch: `<dataDir>/repos/<readable name>-<hash>`, named after the
 * credential-free `repositoryKey` (its readable part cut to a safe length, the hash keeps names unique).
 */
export function workingCopyDir(dataDir: string, repositoryKey: string): string {
  const readable = repositoryKey
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  const hash = createHash('sha256').update(repositoryKey).digest('hex').slice(0, 12);
  return join(dataDir, 'repos', `${readable || 'repository'}-${hash}`);
}

/** Whether `dir` already holds a working copy (then the run pulls instead of cloning). */
export async function hasWorkingCopy(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, '.git'))).isDirectory();
  } catch {
    return false;
  }
}
