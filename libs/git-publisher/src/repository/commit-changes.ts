import * as git from 'isomorphic-git';
import { GitPublisherError } from '../errors/git-publisher-error';
import type { GitContext } from './git-context';
import type { CommitOptions } from './repository.types';
import { stageChanges } from './working-tree';

/** `docs/zcp/` → `docs/zcp`; refuses absolute paths, `..` and the `.git` folder. */
function normalisePath(path: string): string {
  const trimmed = path.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  const segments = trimmed.split('/');
  const outside = trimmed.startsWith('/') || segments.some((segment) => segment === '..' || segment === '');
  if (outside || segments[0] === '.git') {
    const message = `Commit paths must be relative paths inside the working copy: ${path}`;
    throw new GitPublisherError('invalid_option', message, { operation: 'commit', option: 'paths' });
  }
  return trimmed;
}

/** The paths to stage, or undefined for everything; one of `paths` and `all: true` must be given. */
export function pathsOf(options: CommitOptions): string[] | undefined {
  const { paths: given, all } = options as { paths?: unknown; all?: unknown };
  if (all === true && given === undefined) return undefined;
  if (all !== undefined || !Array.isArray(given) || !given.every((path) => typeof path === 'string')) {
    const message = 'A commit needs either `paths` (an array of relative paths) or `all: true`';
    throw new GitPublisherError('invalid_option', message, { operation: 'commit', option: 'paths' });
  }
  const paths = (given as string[]).map(normalisePath);
  return paths.includes('.') ? undefined : paths;
}

/**
 * Stages the changes (removals included) and commits them when the index then differs from HEAD;
 * resolves with the new sha, or `null` when there is nothing to commit.
 */
export async function commitChanges(context: GitContext, options: CommitOptions): Promise<string | null> {
  if (typeof options.message !== 'string' || options.message.trim() === '') {
    const details = { operation: 'commit' as const, option: 'message' };
    throw new GitPublisherError('invalid_option', 'A commit needs a message', details);
  }
  const paths = pathsOf(options);
  return context.run('commit', async () => {
    await stageChanges(context, paths);
    try {
      const { fs, dir, cache, author } = context;
      return await git.commit({ fs, dir, cache, author, message: options.message, disallowEmpty: true });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EmptyCommitError') return null;
      throw error;
    }
  });
}
