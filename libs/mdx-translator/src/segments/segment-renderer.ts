import { parse, stringify } from 'yaml';
import type { Token } from './placeholders';
import { tokenize } from './placeholders';
import type { Piece, Segment } from './segment.types';
import { escapeAttribute, escapeMarkdownLine, escapeTitle } from './text-escaper';

/** Source bytes `[start, end)`, with whatever nested replacements apply inside them. */
export type Restore = (start: number, end: number) => string;

/** Every line break (`\n`, `\r\n` or a lone `\r`, which ends a Markdown line too) as one space. */
const flatten = (text: string): string => text.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ');
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

/**
 * Moves white space from just inside a span's markup to just outside it (`⟦1⟧ word ⟦/1⟧` becomes
 * ` ⟦1⟧word⟦/1⟧ `): `** word **` is no emphasis, while a model easily writes it.
 */
function spacesOutsideSpans(segment: Segment, translation: string): string {
  const opens = new Set(segment.pieces.flatMap((piece) => (piece.kind === 'open' ? [piece.n] : [])));
  let text = translation;
  let previous: string;
  do {
    previous = text;
    text = text
      .replace(/⟦(\d+)⟧(\s+)/g, (match, n: string, space: string) => (opens.has(Number(n)) ? `${space}⟦${n}⟧` : match))
      .replace(/(\s+)⟦\/(\d+)⟧/g, (_match, space: string, n: string) => `⟦/${n}⟧${space}`);
  } while (text !== previous);
  return text;
}

function renderMarkdown(segment: Segment, tokens: readonly Token[], restore: Restore): string {
  const context = segment.context;
  if (context.type !== 'markdown') return '';
  let out = '';
  let afterUrl = false;
  const write = (text: string): void => {
    if (afterUrl && /^[^\s.,:;!?'")\]]/.test(text)) out += ' ';
    afterUrl = false;
    // Right after a line break kept from the source (a hard break), another one would end the paragraph.
    if (out !== '' && atLineStart(out)) text = text.replace(/^\s+/, '');
    // A paragraph keeps line breaks, not blank lines (which would end it).
    const lines = (context.block === 'paragraph' ? text.replace(/\r\n?/g, '\n').replace(/\n(?:[ \t]*\n)+/g, '\n') : flatten(text)).split('\n');
    lines.forEach((line, index) => {
      if (index > 0) out = `${out.replace(/[ \t]+$/, '')}${context.eol}${context.linePrefix}`;
      // At a line start (also right after a hard break kept from the source) leading white space could
      // turn `- x` or `# x` into a block: it goes, and the line is escaped as a line start.
      const lineStart = atLineStart(out);
      out += escapeMarkdownLine(lineStart ? line.replace(/^[ \t]+/, '') : line, lineStart);
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
      out += piece.kind === 'close' && piece.text !== undefined ? piece.text : restore(piece.start, piece.end);
      afterUrl = piece.kind === 'atom' && piece.bareUrl === true;
    }
  }
  return out;
}

/**
 * A YAML scalar that reads back as `value` under YAML 1.2 and under YAML 1.1 as well: Docusaurus reads
 * front matter with js-yaml, which takes `2024-01-01` for a date (and a date `title` fails the build).
 * Inside a flow mapping (`{title: x}`) it is always double-quoted, as `,` or `}` would end a plain one.
 */
function yamlScalar(value: string, flow: boolean): string {
  if (flow) return JSON.stringify(value);
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  const readsBack = (schema: 'core' | 'yaml-1.1'): boolean => {
    try {
      return parse(plain, { schema }) === value;
    } catch {
      return false;
    }
  };
  return readsBack('core') && readsBack('yaml-1.1') ? plain : JSON.stringify(value);
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
      return renderMarkdown(segment, tokenize(spacesOutsideSpans(segment, translation).trim()), restore);
    case 'attribute':
      return escapeAttribute(plainText(segment, tokens), context.quote);
    case 'title':
      return escapeTitle(plainText(segment, tokens), context.delimiter);
    case 'yaml':
      return yamlScalar(flatten(plainText(segment, tokens)).trim(), context.flow);
  }
}
