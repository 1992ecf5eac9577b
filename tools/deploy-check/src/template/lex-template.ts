import { TemplateError } from './template.types';

/** A piece of template source: literal text, or the inside of one `{{ … }}` action. */
export type Piece = { kind: 'text'; text: string } | { kind: 'action'; source: string; line: number };

const lineAt = (source: string, index: number): number => source.slice(0, index).split('\n').length;

/** Where the action opened at `start` closes (`}}` outside string literals). */
function actionEnd(source: string, start: number, name: string): number {
  let quote: string | null = null;
  for (let i = start; i < source.length; i += 1) {
    const c = source[i];
    if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}' && source[i + 1] === '}') return i;
  }
  throw new TemplateError(name, lineAt(source, start), 'unclosed action');
}

/**
 * Splits a template into text and actions, applying the trim markers: `{{-` removes the white space before the
 * action, `-}}` the white space after it. Comments (`{{/* … *\/}}`) disappear.
 */
export function lexTemplate(source: string, name: string): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  let trimNext = false;
  while (cursor <= source.length) {
    const open = source.indexOf('{{', cursor);
    let text = source.slice(cursor, open === -1 ? source.length : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open === -1) {
      if (text) pieces.push({ kind: 'text', text });
      break;
    }
    const trimBefore = source[open + 2] === '-' && /\s/.test(source[open + 3] ?? '');
    if (trimBefore) text = text.replace(/\s+$/, '');
    if (text) pieces.push({ kind: 'text', text });
    const innerStart = open + (trimBefore ? 3 : 2);
    const close = actionEnd(source, innerStart, name);
    const trimAfter = source[close - 1] === '-' && /\s/.test(source[close - 2] ?? '');
    const inner = source.slice(innerStart, trimAfter ? close - 1 : close).trim();
    if (!(inner.startsWith('/*') && inner.endsWith('*/'))) {
      pieces.push({ kind: 'action', source: inner, line: lineAt(source, open) });
    }
    trimNext = trimAfter;
    cursor = close + 2;
  }
  return pieces;
}
