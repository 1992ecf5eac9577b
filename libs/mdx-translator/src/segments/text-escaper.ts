/**
 * Escapes translated text for the place it goes, so a translation can never add Markdown, JSX or
 * expressions: only characters that could start syntax there are escaped (with a backslash, which MDX
 * reads back as the plain character). (A URL typed as text still becomes a GFM
 * link: GFM finds those in the decoded text, after escapes. Validation catches that.)
 */

/** Escaped wherever they appear in Markdown/MDX text. */
const ALWAYS = new Set(['\\', '`', '*', '[', ']', '{', '}', '<', '$', '|', '~']);
const WORD = /[\p{L}\p{N}]/u;
/** A `:` before one of these would start a text directive (`:name`) or a leaf/container one (`::`). */
const DIRECTIVE_NAME_START = /[\p{L}\p{N}_:]/u;

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/**
 * One line of Markdown text. `atLineStart` tells whether the line starts a Markdown line (where `#`,
 * `-`, `+`, `=`, `>`, `1.`, `import` and `export` would start a block).
 */
export function escapeMarkdownLine(line: string, atLineStart: boolean): string {
  // `import x` / `export x` starting a top-level block is read as JavaScript; a character reference
  // for the first letter keeps it text.
  if (atLineStart && /^(?:import|export)(?=[ \t]|$)/.test(line)) return `&#${line.charCodeAt(0)};${escapeMarkdownLine(line.slice(1), false)}`;
  let out = '';
  const orderedMarker = atLineStart ? /^\d{1,9}(?=[.)])/.exec(line) : null;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    const previous = line[index - 1];
    const next = line[index + 1];
    const first = index === 0 && atLineStart;
    let escape = ALWAYS.has(char);
    if (char === '_') escape = !(isWord(previous) && isWord(next));
    else if (char === '&') escape = next !== undefined && /[A-Za-z#]/.test(next);
    else if (char === ':') escape = next !== undefined && DIRECTIVE_NAME_START.test(next);
    else if (char === '#') escape = first || index === line.length - 1;
    else if (char === '-' || char === '+' || char === '=' || char === '>') escape = escape || first;
    if (orderedMarker !== null && index === orderedMarker[0].length) escape = true;
    out += escape ? `\\${char}` : char;
  }
  return out;
}

/** A JSX attribute string value between `quote`s (MDX decodes character references there). */
export function escapeAttribute(value: string, quote: '"' | "'"): string {
  const flat = value.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.replaceAll('&', '&amp;').replaceAll(quote, quote === '"' ? '&quot;' : '&#39;');
}

/** A link or image title between `"…"`, `'…'` or `(…)`. */
export function escapeTitle(value: string, delimiter: '"' | "'" | ')'): string {
  const flat = value.replace(/\s*[\r\n]+\s*/g, ' ');
  let out = '';
  for (let index = 0; index < flat.length; index += 1) {
    const char = flat[index];
    const next = flat[index + 1];
    const special = char === '\\' || char === delimiter || (delimiter === ')' && char === '(') || (char === '&' && next !== undefined && /[A-Za-z#]/.test(next));
    out += special ? `\\${char}` : char;
  }
  return out;
}
