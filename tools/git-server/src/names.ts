import { GitServerError } from './git-server-error';

/** One path segment: no leading dot (no `.`, `..`, hidden files) and no leading dash (never an option to git). */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const MAX_NAME_LENGTH = 200;

/**
 * The canonical name of a repository (`team/manual`, without `.git`), or a `GitServerError` (`invalid_name`).
 * A trailing `.git` is accepted and dropped; segments are `[A-Za-z0-9._-]`, may not start with `.` or `-`,
 * and only the last may end in `.git`, so a name always maps to one directory inside the root.
 */
export function repositoryName(name: string): string {
  const bare = name.endsWith('.git') ? name.slice(0, -'.git'.length) : name;
  const segments = bare.split('/');
  const valid =
    bare.length > 0 &&
    bare.length <= MAX_NAME_LENGTH &&
    segments.every((segment) => SEGMENT.test(segment) && !segment.endsWith('.git'));
  if (!valid) {
    throw new GitServerError('invalid_name', `invalid repository name ${JSON.stringify(name)}`, { subject: name });
  }
  return bare;
}

/**
 * A path inside a commit's tree (`docs/intro.md`): relative, `/`-separated, no empty, `.`, `..` or `.git`
 * segment and no control character.
 */
export function treePath(path: string): string {
  const segments = path.split('/');
  const valid =
    path.length > 0 &&
    segments.every(
      (segment) =>
        segment.length > 0 &&
        segment !== '.' &&
        segment !== '..' &&
        segment.toLowerCase() !== '.git' &&
        !hasControlCharacter(segment),
    );
  if (!valid) throw new GitServerError('invalid_path', `invalid path ${JSON.stringify(path)}`, { subject: path });
  return path;
}

/**
 * A ref or revision a helper may hand to git (`main`, `refs/heads/main`, a sha, `main~1`): no leading dash,
 * no whitespace, control characters or `:`, so it is never read as an option or as `<rev>:<path>`.
 */
export function revision(ref: string): string {
  if (!/^[A-Za-z0-9_./~^@{}+][A-Za-z0-9_./~^@{}+-]*$/.test(ref) || ref.includes('..')) {
    throw new GitServerError('invalid_ref', `invalid ref ${JSON.stringify(ref)}`, { subject: ref });
  }
  return ref;
}

/** A branch name for `refs/heads/<branch>`. */
export function branchName(branch: string): string {
  const valid =
    /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(branch) &&
    !branch.includes('..') &&
    !branch.includes('//') &&
    !branch.endsWith('/') &&
    !branch.endsWith('.') &&
    !branch.endsWith('.lock');
  if (!valid) throw new GitServerError('invalid_ref', `invalid branch name ${JSON.stringify(branch)}`, { subject: branch });
  return branch;
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
