/** What a commit message describes: exported pages (`docs`) or their translations (`i18n`). */
export interface CommitMessageInput {
  type: 'docs' | 'i18n';
  /** The solution, used as the conventional-commit scope (`zcp`). */
  solution: string;
  /** Titles of the pages the commit changes. */
  pages: readonly string[];
  /** For `i18n`: the target languages (`ko`, `ja`). */
  languages?: readonly string[];
}

/** Longest subject line, as git tooling and hosts show it untruncated. */
export const MAX_SUBJECT_LENGTH = 72;
/** Pages listed in the body before it says how many more there are. */
export const MAX_BODY_PAGES = 50;

/** A title on one line: control characters and runs of white space become one space. */
function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

function scopeOf(solution: string): string {
  const scope = solution.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return scope === '' ? 'manual' : scope;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** `update 3 pages (A, B, …)` within `room` characters, naming as many pages as fit. */
function action(verb: string, titles: readonly string[], suffix: string, room: number): string {
  const [only, ...others] = titles;
  if (only === undefined) return `${verb} pages${suffix}`;
  if (others.length === 0) return `${verb} ${clip(only, room - verb.length - 1 - suffix.length)}${suffix}`;
  const counted = `${verb} ${titles.length} pages${suffix}`;
  let listed = '';
  for (const [index, title] of titles.entries()) {
    const rest = index < titles.length - 1 ? ', …' : '';
    const next = listed === '' ? title : `${listed}, ${title}`;
    if (`${counted} (${next}${rest})`.length > room) {
      return listed === '' ? counted : `${counted} (${listed}, …)`;
    }
    listed = next;
  }
  return `${counted} (${listed})`;
}

/**
 * A conventional commit message: `docs(zcp): update 3 pages (Installation, Ports, …)` — a subject of at most
 * {@link MAX_SUBJECT_LENGTH} characters — and a body listing every page (up to {@link MAX_BODY_PAGES}).
 */
export function formatCommitMessage(input: CommitMessageInput): string {
  const titles = input.pages.map(oneLine).filter((title) => title !== '');
  const languages = (input.languages ?? []).map(oneLine).filter((language) => language !== '');
  const prefix = `${input.type}(${scopeOf(input.solution)}): `;
  const verb = input.type === 'i18n' ? 'translate' : 'update';
  const suffix = languages.length > 0 ? ` into ${languages.join(', ')}` : '';
  const subject = clip(prefix + action(verb, titles, suffix, MAX_SUBJECT_LENGTH - prefix.length), MAX_SUBJECT_LENGTH);
  if (titles.length === 0) return subject;
  const listed = titles.slice(0, MAX_BODY_PAGES).map((title) => `- ${title}`);
  if (titles.length > MAX_BODY_PAGES) listed.push(`- … and ${titles.length - MAX_BODY_PAGES} more`);
  return `${subject}\n\n${listed.join('\n')}`;
}
