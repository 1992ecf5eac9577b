import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { GitServerError } from './git-server-error';
import { COMMIT_IDENTITY } from './git-env';
import { branchName, repositoryName, revision, treePath } from './names';
import type { GitRunner } from './git-cli';
import type { CreateRepositoryOptions, GitLogEntry, GitSignature } from './types';

export interface RepositoryStoreOptions {
  root: string;
  git: GitRunner;
  defaultBranch: string;
}

/** The bare repositories under one root: creating them, and reading what landed in them through the git CLI. */
export class RepositoryStore {
  private readonly creating = new Map<string, Promise<void>>();

  constructor(private readonly options: RepositoryStoreOptions) {}

  /** Absolute path of `<root>/<name>.git`; the name is validated, so the path is always inside the root. */
  path(name: string): string {
    const root = resolve(this.options.root);
    const path = resolve(root, `${repositoryName(name)}.git`);
    const inside = relative(root, path);
    if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) {
      throw new GitServerError('invalid_name', `repository ${JSON.stringify(name)} is outside the root`, { subject: name });
    }
    return path;
  }

  async exists(name: string): Promise<boolean> {
    try {
      return (await stat(join(this.path(name), 'HEAD'))).isFile();
    } catch (error) {
      if (error instanceof GitServerError) throw error;
      return false;
    }
  }

  /** Creates an empty repository unless it exists (concurrent calls for one name create it once). */
  async ensure(name: string): Promise<void> {
    const canonical = repositoryName(name);
    await this.creating.get(canonical);
    if (await this.exists(canonical)) return;
    await this.init(canonical, this.options.defaultBranch);
  }

  /** Creates a repository, optionally with one commit of `files`; fails with `repository_exists` if it exists. */
  async create(name: string, options: CreateRepositoryOptions = {}): Promise<string | undefined> {
    const canonical = repositoryName(name);
    const defaultBranch = branchName(options.defaultBranch ?? this.options.defaultBranch);
    const branch = branchName(options.branch ?? defaultBranch);
    const files = Object.entries(options.files ?? {}).map(([path, content]) => [treePath(path), content] as const);
    if (this.creating.has(canonical) || (await this.exists(canonical))) {
      throw new GitServerError('repository_exists', `repository ${canonical} exists`, { subject: canonical });
    }
    await this.init(canonical, defaultBranch);
    if (files.length === 0) return undefined;
    return this.commitFiles(canonical, branch, files, options.message ?? 'Initial commit');
  }

  /** Sha the revision resolves to, or undefined. */
  async resolveRef(name: string, ref: string): Promise<string | undefined> {
    await this.requireRepository(name);
    const result = await this.git(name, ['rev-parse', '--verify', '--quiet', `${revision(ref)}^{commit}`], [1]);
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  /** Contents of `path` at `ref` (utf8), or undefined when either does not exist. */
  async readFile(name: string, ref: string, path: string): Promise<string | undefined> {
    const spec = `${revision(ref)}:${treePath(path)}`;
    await this.requireRepository(name);
    const found = await this.git(name, ['rev-parse', '--verify', '--quiet', spec], [1]);
    if (found.exitCode !== 0) return undefined;
    const sha = found.stdout.toString('utf8').trim();
    const type = (await this.git(name, ['cat-file', '-t', sha])).stdout.toString('utf8').trim();
    if (type !== 'blob') return undefined;
    return (await this.git(name, ['cat-file', 'blob', sha])).stdout.toString('utf8');
  }

  /** Commits reachable from `ref`, newest first. */
  async log(name: string, ref: string): Promise<GitLogEntry[]> {
    const sha = await this.resolveRef(name, ref);
    if (sha === undefined) return [];
    const format = '%x1e%H%x00%P%x00%an%x00%ae%x00%at%x00%cn%x00%ce%x00%ct%x00%B';
    const output = (await this.git(name, ['log', `--format=${format}`, sha])).stdout.toString('utf8');
    return output
      .split('\x1e')
      .slice(1)
      .map((record) => {
        const [hash, parents, an, ae, at, cn, ce, ct, ...message] = record.split('\x00');
        return {
          sha: hash,
          parents: parents === '' ? [] : parents.split(' '),
          author: signature(an, ae, at),
          committer: signature(cn, ce, ct),
          message: message.join('\x00').replace(/\n+$/, ''),
        };
      });
  }

  /** Every ref and the sha it points to. */
  async refs(name: string): Promise<Map<string, string>> {
    const output = (await this.git(name, ['for-each-ref', '--format=%(refname) %(objectname)'])).stdout.toString('utf8');
    const refs = new Map<string, string>();
    for (const line of output.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) refs.set(line.slice(0, space), line.slice(space + 1));
    }
    return refs;
  }

  private async requireRepository(name: string): Promise<void> {
    if (!(await this.exists(name))) {
      throw new GitServerError('repository_not_found', `repository ${repositoryName(name)} not found`, { subject: name });
    }
  }

  private async init(name: string, defaultBranch: string): Promise<void> {
    const pending = this.creating.get(name);
    if (pending) return pending;
    const path = this.path(name);
    const work = (async () => {
      await mkdir(dirname(path), { recursive: true });
      try {
        await this.options.git(['init', '--bare', '--quiet', `--initial-branch=${defaultBranch}`, path]);
        await this.git(name, ['config', 'http.receivepack', 'true']);
      } catch (error) {
        await rm(path, { recursive: true, force: true });
        throw error;
      }
    })();
    this.creating.set(name, work);
    try {
      await work;
    } finally {
      this.creating.delete(name);
    }
  }

  private async commitFiles(
    name: string,
    branch: string,
    files: ReadonlyArray<readonly [string, string | Uint8Array]>,
    message: string,
  ): Promise<string> {
    const blobs: string[] = [];
    for (const [path, content] of files) {
      const sha = (await this.git(name, ['hash-object', '-w', '--stdin'], [], content)).stdout.toString('utf8').trim();
      blobs.push(`100644 ${sha}\t${path}\n`);
    }
    const scratch = await mkdtemp(join(tmpdir(), 'zmp-git-index-'));
    try {
      const env = { GIT_INDEX_FILE: join(scratch, 'index') };
      await this.git(name, ['update-index', '--add', '--index-info'], [], blobs.join(''), env);
      const tree = (await this.git(name, ['write-tree'], [], undefined, env)).stdout.toString('utf8').trim();
      const commit = (await this.git(name, ['commit-tree', tree, '-F', '-'], [], `${message}\n`, COMMIT_IDENTITY)).stdout
        .toString('utf8')
        .trim();
      await this.git(name, ['update-ref', `refs/heads/${branch}`, commit]);
      return commit;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  private git(
    name: string,
    args: string[],
    okExitCodes: number[] = [],
    input?: string | Uint8Array,
    env?: Record<string, string>,
  ) {
    return this.options.git([`--git-dir=${this.path(name)}`, ...args], { okExitCodes, input, env });
  }
}

function signature(name: string, email: string, timestamp: string): GitSignature {
  return { name, email, timestamp: Number(timestamp) };
}
