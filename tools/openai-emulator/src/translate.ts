import { splitPlaceholders } from './placeholders';
import type { TextPiece } from './placeholders';

/**
 * The pseudo-translation marker. A translated run is written `⟪<lang>:<text>⟫`, for example
 * `Click ⟦1⟧ to save` → `⟪ko:Click ⟫⟦1⟧⟪ko: to save⟫`. A `⟫` inside the run is doubled (`⟫⟫`), so the
 * first single `⟫` always closes the run and the source comes back exactly.
 */
export const MARKER_OPEN = '⟪';
export const MARKER_CLOSE = '⟫';
const ESCAPED_CLOSE = MARKER_CLOSE + MARKER_CLOSE;

/** A language code as accepted by the emulator: `ko`, `ja`, `zh-Hans`, `pt_BR`, `sr-Latn-RS`. */
export const LANGUAGE_CODE_SOURCE = '[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*';
const LANGUAGE_CODE = new RegExp(`^${LANGUAGE_CODE_SOURCE}$`);
const LETTER = /\p{L}/u;

export function isLanguageCode(value: string): boolean {
  return LANGUAGE_CODE.test(value);
}

function assertLanguageCode(lang: string): void {
  if (!isLanguageCode(lang)) throw new TypeError(`Not a language code: ${JSON.stringify(lang)}`);
}

function wrap(text: string, lang: string): string {
  return `${MARKER_OPEN}${lang}:${text.replaceAll(MARKER_CLOSE, ESCAPED_CLOSE)}${MARKER_CLOSE}`;
}

/** Renders pieces: every text run that contains a letter is wrapped, everything else is kept as is. */
export function renderTranslation(pieces: readonly TextPiece[], lang: string): string {
  assertLanguageCode(lang);
  return pieces
    .map((piece) => (piece.kind === 'text' && LETTER.test(piece.value) ? wrap(piece.value, lang) : piece.value))
    .join('');
}

/**
 * Deterministic, reversible pseudo-translation of `text` into `lang`: every maximal run of
 * non-placeholder text that contains a letter becomes `⟪lang:run⟫`; placeholders and runs without a
 * letter (whitespace, digits, punctuation) are left byte for byte.
 */
export function pseudoTranslate(text: string, lang: string, placeholderPattern?: RegExp): string {
  return renderTranslation(splitPlaceholders(text, placeholderPattern), lang);
}

/**
 * Strips the `lang` markers written by {@link pseudoTranslate} and returns the exact source. Markers of
 * other languages are left alone. An unclosed marker (a truncated answer) is stripped up to the end.
 */
export function reverseTranslation(text: string, lang: string): string {
  assertLanguageCode(lang);
  const open = `${MARKER_OPEN}${lang}:`;
  let source = '';
  let position = 0;
  for (;;) {
    const start = text.indexOf(open, position);
    if (start < 0) return source + text.slice(position);
    source += text.slice(position, start);
    let cursor = start + open.length;
    while (cursor < text.length) {
      if (text[cursor] === MARKER_CLOSE) {
        if (text[cursor + 1] !== MARKER_CLOSE) break;
        source += MARKER_CLOSE;
        cursor += 2;
      } else {
        source += text[cursor];
        cursor += 1;
      }
    }
    position = cursor + 1;
  }
}
