import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSafeFileName } from './builder/media-source';
import { EMULATOR_FILE_SCHEME } from './workspace';
import type { Workspace, WorkspaceFile } from './workspace';

/** `workspace.json`: the workspace minus the bytes of its files, which live in `files/<name>`. */
type StoredWorkspace = Omit<Workspace, 'files'> & { files: Record<string, { contentType: string; bytes: number }> };

const KEYS = ['name', 'rootPageId', 'pages', 'blocks', 'children', 'databases', 'dataSources', 'users', 'files'] as const;

/** The exact text `saveWorkspace` writes to `workspace.json` (2-space JSON, trailing newline). */
export function workspaceJson(ws: Workspace): string {
  const stored: StoredWorkspace = {
    ...ws,
    files: Object.fromEntries(
      Object.keys(ws.files)
        .sort()
        .map((name) => [name, { contentType: ws.files[name].contentType, bytes: ws.files[name].data.length }]),
    ),
  };
  return `${JSON.stringify(orderedKeys(stored), null, 2)}\n`;
}

function orderedKeys(stored: StoredWorkspace): StoredWorkspace {
  return Object.fromEntries(KEYS.map((key) => [key, stored[key]])) as StoredWorkspace;
}

/**
 * Writes a workspace as a folder: `workspace.json` and `files/<name>`. The folder's previous
 * `workspace.json` and `files/` are replaced; anything else in it (a README) is left alone.
 */
export async function saveWorkspace(ws: Workspace, dir: string): Promise<void> {
  for (const name of Object.keys(ws.files)) {
    if (!isSafeFileName(name)) throw new Error(`Workspace file name "${name}" is not a plain file name.`);
  }
  await rm(join(dir, 'files'), { recursive: true, force: true });
  await mkdir(join(dir, 'files'), { recursive: true });
  await writeFile(join(dir, 'workspace.json'), workspaceJson(ws));
  for (const [name, file] of Object.entries(ws.files)) await writeFile(join(dir, 'files', name), file.data);
}

/** Reads a folder written by `saveWorkspace`, checking that it is whole: every referenced file is there. */
export async function loadWorkspace(dir: string): Promise<Workspace> {
  const path = join(dir, 'workspace.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`No workspace at ${dir}: cannot read workspace.json (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let stored: StoredWorkspace;
  try {
    stored = JSON.parse(text) as StoredWorkspace;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const missing = KEYS.filter((key) => stored[key] === undefined || stored[key] === null);
  if (missing.length > 0) throw new Error(`${path} lacks ${missing.join(', ')}.`);
  if (!stored.pages[stored.rootPageId]) throw new Error(`${path}: the root page ${stored.rootPageId} is not among its pages.`);

  const files: Record<string, WorkspaceFile> = {};
  const onDisk = new Set(await readdir(join(dir, 'files')).catch(() => [] as string[]));
  for (const [name, meta] of Object.entries(stored.files)) {
    if (!isSafeFileName(name) || !onDisk.has(name)) throw new Error(`${path} lists file "${name}", which is not in ${join(dir, 'files')}.`);
    files[name] = { contentType: meta.contentType, data: await readFile(join(dir, 'files', name)) };
  }
  for (const name of referencedFiles(text)) {
    if (!files[name]) throw new Error(`${path} links ${EMULATOR_FILE_SCHEME}${name}, which its "files" does not list.`);
  }
  return { ...stored, files };
}

/** Names of the `emulator-file://` links in a workspace's JSON. */
function referencedFiles(json: string): Set<string> {
  const names = new Set<string>();
  const pattern = new RegExp(`"${EMULATOR_FILE_SCHEME.replace(/[/.]/g, '\\$&')}([^"]+)"`, 'g');
  for (const match of json.matchAll(pattern)) names.add(match[1]);
  return names;
}
