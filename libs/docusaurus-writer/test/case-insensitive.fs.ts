import { posix } from 'node:path';
import type { WriterFs, WriterStats } from '../src';

type Node = { kind: 'file'; data: Buffer } | { kind: 'dir'; entries: Map<string, { name: string; node: Node }> };

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** How APFS and NTFS compare names: letter case and Unicode normalisation ignored. */
const fold = (name: string): string => name.normalize('NFC').toLowerCase();

/**
 * An in-memory file system that behaves like macOS's default APFS volume: names are matched ignoring case and
 * normalisation, and stored as they were first created. Absolute POSIX paths only; no symlinks.
 */
export class CaseInsensitiveFs implements WriterFs {
  private readonly top: Node = { kind: 'dir', entries: new Map() };

  constructor(readonly root = '/site') {
    void this.mkdir(root, { recursive: true });
  }

  /** Every file, as POSIX paths relative to `root` with their stored names, sorted. */
  files(): string[] {
    const found: string[] = [];
    const walk = (node: Node, prefix: string): void => {
      if (node.kind === 'file') return void found.push(prefix);
      for (const { name, node: child } of node.entries.values()) walk(child, prefix === '' ? name : `${prefix}/${name}`);
    };
    walk(this.lookup(this.root) as Node, '');
    return found.sort();
  }

  text(relativePath: string): string | undefined {
    const node = this.lookup(posix.join(this.root, relativePath));
    return node?.kind === 'file' ? node.data.toString('utf8') : undefined;
  }

  private lookup(path: string): Node | undefined {
    let node: Node = this.top;
    for (const part of path.split('/').filter(Boolean)) {
      if (node.kind !== 'dir') throw fsError('ENOTDIR', path);
      const next = node.entries.get(fold(part));
      if (!next) return undefined;
      node = next.node;
    }
    return node;
  }

  private parent(path: string): Map<string, { name: string; node: Node }> {
    const node = this.lookup(posix.dirname(path));
    if (!node) throw fsError('ENOENT', path);
    if (node.kind !== 'dir') throw fsError('ENOTDIR', path);
    return node.entries;
  }

  async readFile(path: string): Promise<Uint8Array> {
    const node = this.lookup(path);
    if (!node) throw fsError('ENOENT', path);
    if (node.kind !== 'file') throw fsError('EISDIR', path);
    return Buffer.from(node.data);
  }

  async writeFile(path: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void> {
    const entries = this.parent(path);
    if (options.flag === 'wx' && entries.has(fold(posix.basename(path)))) throw fsError('EEXIST', path);
    entries.set(fold(posix.basename(path)), { name: posix.basename(path), node: { kind: 'file', data: Buffer.from(data) } });
  }

  async rename(from: string, to: string): Promise<void> {
    const source = this.parent(from);
    const entry = source.get(fold(posix.basename(from)));
    if (!entry) throw fsError('ENOENT', from);
    const target = this.parent(to);
    const existing = target.get(fold(posix.basename(to)));
    source.delete(fold(posix.basename(from)));
    // Replacing a file keeps the name it was stored under, as APFS does for a case-only difference.
    target.set(fold(posix.basename(to)), { name: existing?.name ?? posix.basename(to), node: entry.node });
  }

  async unlink(path: string): Promise<void> {
    const entries = this.parent(path);
    const entry = entries.get(fold(posix.basename(path)));
    if (!entry) throw fsError('ENOENT', path);
    if (entry.node.kind !== 'file') throw fsError('EISDIR', path);
    entries.delete(fold(posix.basename(path)));
  }

  async mkdir(path: string, _options: { recursive: true }): Promise<string | undefined> {
    let node: Node = this.top;
    for (const part of path.split('/').filter(Boolean)) {
      if (node.kind !== 'dir') throw fsError('ENOTDIR', path);
      let next = node.entries.get(fold(part));
      if (!next) {
        next = { name: part, node: { kind: 'dir', entries: new Map() } };
        node.entries.set(fold(part), next);
      }
      node = next.node;
    }
    if (node.kind !== 'dir') throw fsError('EEXIST', path);
    return undefined;
  }

  async rmdir(path: string): Promise<void> {
    const entries = this.parent(path);
    const entry = entries.get(fold(posix.basename(path)));
    if (!entry) throw fsError('ENOENT', path);
    if (entry.node.kind !== 'dir') throw fsError('ENOTDIR', path);
    if (entry.node.entries.size > 0) throw fsError('ENOTEMPTY', path);
    entries.delete(fold(posix.basename(path)));
  }

  async readdir(path: string): Promise<string[]> {
    const node = this.lookup(path);
    if (!node) throw fsError('ENOENT', path);
    if (node.kind !== 'dir') throw fsError('ENOTDIR', path);
    return [...node.entries.values()].map(({ name }) => name);
  }

  async lstat(path: string): Promise<WriterStats> {
    const node = this.lookup(path);
    if (!node) throw fsError('ENOENT', path);
    return {
      isFile: () => node.kind === 'file',
      isDirectory: () => node.kind === 'dir',
      isSymbolicLink: () => false,
      size: node.kind === 'file' ? node.data.length : 0,
    };
  }

  /** The path with each segment as stored. */
  async realpath(path: string): Promise<string> {
    let node: Node = this.top;
    const stored: string[] = [];
    for (const part of path.split('/').filter(Boolean)) {
      if (node.kind !== 'dir') throw fsError('ENOTDIR', path);
      const next = node.entries.get(fold(part));
      if (!next) throw fsError('ENOENT', path);
      stored.push(next.name);
      node = next.node;
    }
    return `/${stored.join('/')}`;
  }
}
