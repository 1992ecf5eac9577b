const globPart = (part: string) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');

/** `**` matches any number of folders, `*` and `?` stay within one. */
function globRegex(glob: string): RegExp {
  const parts = glob.split('/');
  const pattern = parts
    .map((part, index) => {
      const last = index === parts.length - 1;
      if (part === '**') return last ? '.*' : '(?:.*/)?';
      return globPart(part) + (last ? '' : '/');
    })
    .join('');
  return new RegExp(`^${pattern}$`);
}

/** A .dockerignore as a predicate on context paths (`a/b/c`), with Docker's rules: `**`, `*`, `?`, `!` exceptions;
 * a path is excluded when it or one of its parent folders matches the last pattern that decides. */
export function dockerignore(source: string): (path: string) => boolean {
  const rules = source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const glob = (negate ? line.slice(1) : line).replace(/^\/+/, '').replace(/\/+$/, '');
      return { negate, regex: globRegex(glob) };
    });
  return (path: string) => {
    const parts = path.replace(/^\.\//, '').split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) if (prefixes.some((prefix) => rule.regex.test(prefix))) excluded = !rule.negate;
    return excluded;
  };
}
