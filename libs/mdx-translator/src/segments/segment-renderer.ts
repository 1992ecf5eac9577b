import { stringify } from 'yaml';
import type { Token } from './placeholders';
import { tokenize } from './placeholders';
import type { Piece, Segment } from './segment.types';
import { escapeAttribute, escapeMarkdownLine, escapeTitle } from './text-escaper';

/** Source bytes `[start, end)`, with whatever nested replacements apply inside them. */
export type Restore = (start: number, end: number) => string;

const flatten = (text: string): string => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
const atLineStart = (out: string): boolean => out === '' || /\n[ \t>]*$/.test(out);

function pieceOf(segment: Segment, token: Extract<Token, { kind: 'placeholder' }>): Piece | undefined {
  return segment.pieces.find((piece) => piece.kind !== 'text' && piece.n === token.n && (piece.kind === 'close') === token.closing);
}

/** Text with every placeholder of `term` kind written back as its term, for the plain-text contexts. */
function plainText(segment: Segment, tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.kind === 'text') return token.value;
      const piece = pieceOf(segment, token);
      return piece?.kind === 'term' ? piece.value : '';
    })
    .join('');
}

function renderMarkdown(segment: Segment, tokens: readonly Token[], restore: Restore): string {
  const context = segment.context;
  if (context.type !== 'markdown') return '';
  let out = '';
  let afterUrl = false;
  const write = (text: string): void => {
    if (afterUrl && /^[^\s.,:;!?'")\]]/.test(text)) out += ' ';
    afterUrl = false;
    const lines = (context.block === 'paragraph' ? text.replace(/\r\n?/g, '\n') : flatten(text)).split('\n');
    lines.forEach((line, index) => {
      if (index > 0) out = `${out.replace(/[ \t]+$/, '')}\n${context.linePrefix}`;
      const content = index > 0 ? line.replace(/^[ \t]+/, '') : line;
      out += escapeMarkdownLine(content, atLineStart(out));
    });
  };
  for (const token of tokens) {
    if (token.kind === 'text') {
      write(token.value);
      continue;
    }
    const piece = pieceOf(segment, token);
    if (piece === undefined || piece.kind === 'text') continue;
    if (piece.kind === 'term') write(piece.value);
    else {
      // A bare URL swallows letters written right after it, and `www.` needs a space or `(` before it.
      if (piece.kind === 'atom' && piece.bareUrl && /[^\s(*_~]$/.test(out)) out += ' ';
      out += restore(piece.start, piece.end);
      afterUrl = piece.kind === 'atom' && piece.bareUrl === true;
    }
  }
  return out;
}

/**
 * Writes a translation (placeholders included, already checked) in the syntax of the place it goes:
 * Markdown text escaped so it adds no syntax, an attribute value, a link title, or a YAML scalar.
 */
export function renderSegment(segment: Segment, translation: string, restore: Restore): string {
  const tokens = tokenize(translation.trim());
  const context = segment.context;
  switch (context.type) {
    case 'markdown':
      return renderMarkdown(segment, tokens, restore);
    case 'attribute':
      return escapeAttribute(plainText(segment, tokens), context.quote);
    case 'title':
      return escapeTitle(plainText(segment, tokens), context.delimiter);
    case 'yaml':
      return stringify(flatten(plainText(segment, tokens)).trim(), { lineWidth: 0 }).replace(/\n$/, '');
  }
}
