/**
 * Placeholders are the parts of a text a translator must hand back byte for byte: the tokens the
 * translator put in place of inline code, JSX, URLs… The emulator never changes them (unless a fault
 * asks it to) and only "translates" the text between them.
 */

/**
 * Default placeholder syntax: `⟦…⟧`, `{{…}}`, and the XLIFF-like inline tags `<x id="1"/>`, `<ph …/>`,
 * `<g id="1">` and `</g>`.
 */
export const DEFAULT_PLACEHOLDER_PATTERN =
  /⟦[^⟦⟧]*⟧|\{\{[\s\S]*?\}\}|<(?:x|ph)(?:\s[^<>]*)?\/>|<g(?:\s[^<>]*)?>|<\/g\s*>/g;

export interface TextPiece {
  readonly kind: 'text' | 'placeholder';
  readonly value: string;
}

/** A copy of `pattern` that is global and not sticky, so `matchAll` finds every placeholder. */
function globalCopy(pattern: RegExp): RegExp {
  const flags = pattern.flags.replace(/[gy]/g, '');
  return new RegExp(pattern.source, `${flags}g`);
}

/**
 * Cuts `text` into placeholders and the text runs between them (each run maximal, never empty).
 * Empty matches of a custom pattern are ignored.
 */
export function splitPlaceholders(text: string, pattern: RegExp = DEFAULT_PLACEHOLDER_PATTERN): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(globalCopy(pattern))) {
    const value = match[0];
    if (value === '') continue;
    if (match.index > last) pieces.push({ kind: 'text', value: text.slice(last, match.index) });
    pieces.push({ kind: 'placeholder', value });
    last = match.index + value.length;
  }
  if (last < text.length) pieces.push({ kind: 'text', value: text.slice(last) });
  return pieces;
}

export type PlaceholderMutation = 'drop' | 'duplicate';

/** Removes or repeats the first placeholder (the fault switches `dropPlaceholder` / `duplicatePlaceholder`). */
export function mutateFirstPlaceholder(pieces: readonly TextPiece[], mutation: PlaceholderMutation): TextPiece[] {
  const index = pieces.findIndex((piece) => piece.kind === 'placeholder');
  if (index < 0) return [...pieces];
  const placeholder = pieces[index];
  const replacement = mutation === 'drop' ? [] : [placeholder, placeholder];
  return [...pieces.slice(0, index), ...replacement, ...pieces.slice(index + 1)];
}
