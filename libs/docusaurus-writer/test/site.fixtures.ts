import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { Asset, ExportedDocument, Translation } from '../src';

/** A page in the shape the exporter produces; the front matter is written with JSON-quoted YAML strings. */
export function page(relativePath: string, title: string, position = 1, body = `${title} body.\n`): ExportedDocument {
  const { name, dir } = posix.parse(relativePath);
  const isDirectory = name === 'index';
  const id = isDirectory ? (dir === '' ? 'root' : posix.basename(dir)) : name;
  return {
    pageId: `page-${relativePath}`,
    title,
    slugPath: relativePath.replace(/(\/?index)?\.mdx$/, '').split('/').filter(Boolean),
    relativePath,
    isDirectory,
    sidebarPosition: position,
    parentId: null,
    assets: [],
    frontMatter: { id, title, sidebar_position: position },
    mdx: `---\nid: ${id}\ntitle: ${JSON.stringify(title)}\nsidebar_position: ${position}\n---\n\n${body}`,
  };
}

/** The page translated: same id and position, the title and body marked with the language. */
export function translated(document: ExportedDocument, language: string): Translation {
  const title = `${language}: ${document.title}`;
  return {
    language,
    pageId: document.pageId,
    mdx: `---\nid: ${String((document.frontMatter as { id?: unknown }).id)}\ntitle: ${JSON.stringify(title)}\nsidebar_position: ${document.sidebarPosition}\n---\n\n${language} body.\n`,
  };
}

export function asset(bytes: string, ext = 'png'): Asset {
  const data = new Uint8Array(Buffer.from(bytes));
  const sha256 = createHash('sha256').update(data).digest('hex');
  return { fileName: `${sha256.slice(0, 16)}.${ext}`, sha256, contentType: 'image/png', sourceUrl: 'https://x.invalid/a.png', pageIds: [], data };
}

/** A solution with a root page, a directory with its own page and two pages, and a nested directory. */
export function sampleSolution(): ExportedDocument[] {
  return [
    page('index.mdx', 'ZCP: the "Cloud Z" manual'),
    page('guide/index.mdx', 'Guide', 1),
    page('guide/install.mdx', 'Install', 1),
    page('guide/configure.mdx', 'Configure', 2),
    page('guide/advanced/index.mdx', 'Advanced', 3),
    page('guide/advanced/tuning.mdx', 'Tuning', 1),
  ];
}

export async function tempSite(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'docusaurus-writer-'));
}

export async function removeSite(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** Every file below `dir`, as sorted POSIX paths relative to it. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, path)));
    else files.push(path);
  }
  return files.sort();
}

/** Every folder below `dir`, as sorted POSIX paths relative to it. */
export async function listFolders(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const folders: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    folders.push(path, ...(await listFolders(dir, path)));
  }
  return folders.sort();
}

export async function readText(root: string, path: string): Promise<string> {
  return readFile(join(root, ...path.split('/')), 'utf8');
}

/** The whole tree as path -> bytes (base64), to compare two runs byte for byte. */
export async function snapshotBytes(root: string): Promise<Record<string, string>> {
  const files = await listFiles(root);
  const entries = await Promise.all(files.map(async (file) => [file, (await readFile(join(root, file))).toString('base64')] as const));
  return Object.fromEntries(entries);
}
