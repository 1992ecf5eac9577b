import * as nodeFs from 'node:fs';
import nodeHttp from 'isomorphic-git/http/node';
import { GitPublisherError } from '../errors/git-publisher-error';
import { checkRepositoryUrl, repositoryKey } from '../repository-key';
import { GitContext } from './git-context';
import { GitRepository } from './git-repository';
import { authCallbacks } from './repository-auth';
import type { Repository, RepositoryOptions } from './repository.types';

/** git's rules for a branch name (`git check-ref-format --branch`), the parts that matter here. */
const BRANCH_SHAPE = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{|.*\.lock$|.*\/\.|\.|-)[^\s~^:?*[\\]+$/;

function isBranchName(name: string): boolean {
  return BRANCH_SHAPE.test(name) && [...name].every((char) => char.charCodeAt(0) > 0x20 && char.charCodeAt(0) !== 0x7f);
}

function invalid(option: string, message: string): GitPublisherError {
  return new GitPublisherError('invalid_option', message, { operation: 'open', option });
}

function depthOf(depth: number | null | undefined): number | undefined {
  if (depth === null) return undefined;
  if (depth === undefined) return 1;
  if (!Number.isInteger(depth) || depth < 1) throw invalid('depth', 'depth must be a positive integer or null');
  return depth;
}

function check(options: RepositoryOptions): void {
  if (typeof options.dir !== 'string' || options.dir === '') throw invalid('dir', 'dir must be a folder path');
  if (typeof options.branch !== 'string' || !isBranchName(options.branch)) {
    throw invalid('branch', 'branch must be a valid git branch name');
  }
  const { name, email } = options.author ?? {};
  if (typeof name !== 'string' || name.trim() === '' || typeof email !== 'string' || email.trim() === '') {
    throw invalid('author', 'author needs a name and an email');
  }
}

/**
 * Opens the persistent working copy of `url`'s `branch` in `dir` and syncs it with the remote (clone when
 * missing, else fetch and fast-forward or hard-reset; the branch is created on the remote when missing).
 */
export async function openRepository(options: RepositoryOptions): Promise<Repository> {
  const url = checkRepositoryUrl(options.url);
  check(options);
  const context = new GitContext({
    fs: options.fs ?? nodeFs,
    http: options.http ?? nodeHttp,
    dir: options.dir.replace(/\/+$/, '') || '/',
    url,
    branch: options.branch,
    key: repositoryKey(url, options.branch),
    author: { name: options.author.name, email: options.author.email },
    depth: depthOf(options.depth),
    auth: authCallbacks(options.auth),
    signal: options.signal,
    lockSignal: options.lock?.signal,
    onProgress: options.onProgress,
    logger: options.logger,
  });
  const repository = new GitRepository(context);
  await repository.sync();
  return repository;
}
