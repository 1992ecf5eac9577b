import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The console's files (apps/api/src/console/static), each served under `APP_ROOT/console/<name>`. */
export const CONSOLE_FILES = {
  'index.html': 'text/html; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'api-client.js': 'text/javascript; charset=utf-8',
  'auth.js': 'text/javascript; charset=utf-8',
  'live-stream.js': 'text/javascript; charset=utf-8',
  'manual-tree.js': 'text/javascript; charset=utf-8',
  'jobs-view.js': 'text/javascript; charset=utf-8',
  'notifications-view.js': 'text/javascript; charset=utf-8',
  'dom.js': 'text/javascript; charset=utf-8',
} as const;

export type ConsoleFileName = keyof typeof CONSOLE_FILES;

export interface ConsoleAsset {
  contentType: string;
  body: Buffer;
}

/**
 * Where the files are: beside this module when a build copied them (`dist/console/static`), else in the
 * sources (`src/console/static`, two levels above `dist/console`): `tsc` copies no HTML, CSS or JS.
 */
export function consoleStaticDir(moduleDir: string = __dirname): string | null {
  const candidates = [join(moduleDir, 'static'), join(moduleDir, '..', '..', 'src', 'console', 'static')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Reads every console file once (a few kilobytes); `null` when the folder is missing. */
export function loadConsoleAssets(dir: string | null): Map<string, ConsoleAsset> | null {
  if (dir === null) return null;
  const assets = new Map<string, ConsoleAsset>();
  for (const [name, contentType] of Object.entries(CONSOLE_FILES)) {
    assets.set(name, { contentType, body: readFileSync(join(dir, name)) });
  }
  return assets;
}
