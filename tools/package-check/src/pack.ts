import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const ROOT = resolve(__dirname, '../../..');

/** The libraries other teams install from npm; each must work on its own, outside this repository. */
export const PUBLISHED = ['notion-exporter', 'mdx-translator', 'docusaurus-writer', 'git-publisher', 'job-events'];

export interface PackResult {
  name: string;
  filename: string;
  files: { path: string }[];
}

export async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, {
    cwd,
    maxBuffer: 32 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  return stdout;
}

/** `npm pack` of each published library (built beforehand: the test target depends on `^build`) into `destination`. */
export async function packLibraries(destination: string): Promise<Map<string, PackResult>> {
  const packed = new Map<string, PackResult>();
  for (const name of PUBLISHED) {
    const [result] = JSON.parse(await npm(['pack', '--json', '--pack-destination', destination], join(ROOT, 'libs', name))) as PackResult[];
    packed.set(name, result);
  }
  return packed;
}

/** `@zmp-manual/job-events` → `job-events`; undefined for any other package. */
export function publishedLibrary(packageName: string): string | undefined {
  const match = /^@zmp-manual\/(.+)$/.exec(packageName);
  return match && PUBLISHED.includes(match[1]) ? match[1] : undefined;
}
