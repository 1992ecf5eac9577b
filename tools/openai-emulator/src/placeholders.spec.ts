import { DEFAULT_PLACEHOLDER_PATTERN, mutateFirstPlaceholder, splitPlaceholders } from './placeholders';
import type { TextPiece } from './placeholders';

const text = (value: string): TextPiece => ({ kind: 'text', value });
const placeholder = (value: string): TextPiece => ({ kind: 'placeholder', value });

describe('splitPlaceholders', () => {
  it('cuts a text into maximal text runs and placeholders', () => {
    expect(splitPlaceholders('Click ⟦1⟧ to {{save}}')).toEqual([
      text('Click '),
      placeholder('⟦1⟧'),
      text(' to '),
      placeholder('{{save}}'),
    ]);
  });

  it('recognises the XLIFF-like inline tags', () => {
    expect(splitPlaceholders('<g id="1">Bold</g><x id="2"/><ph/>')).toEqual([
      placeholder('<g id="1">'),
      text('Bold'),
      placeholder('</g>'),
      placeholder('<x id="2"/>'),
      placeholder('<ph/>'),
    ]);
  });

  it('does not take ordinary markup or single braces for placeholders', () => {
    expect(splitPlaceholders('<b>bold</b> {single}')).toEqual([text('<b>bold</b> {single}')]);
  });

  it('gives back the text when joined', () => {
    const source = 'a ⟦1⟧⟦2⟧ {{x}}<x/> b';
    expect(
      splitPlaceholders(source)
        .map((piece) => piece.value)
        .join(''),
    ).toBe(source);
  });

  it('ignores empty matches of a custom pattern and does not loop forever', () => {
    expect(splitPlaceholders('abc', /x*/g)).toEqual([text('abc')]);
  });

  it('does not change the lastIndex of the pattern it is given', () => {
    DEFAULT_PLACEHOLDER_PATTERN.lastIndex = 0;
    splitPlaceholders('a ⟦1⟧ b');
    expect(DEFAULT_PLACEHOLDER_PATTERN.lastIndex).toBe(0);
  });
});

describe('mutateFirstPlaceholder', () => {
  const pieces = splitPlaceholders('a ⟦1⟧ b ⟦2⟧');

  it('drops the first placeholder only', () => {
    expect(mutateFirstPlaceholder(pieces, 'drop')).toEqual([text('a '), text(' b '), placeholder('⟦2⟧')]);
  });

  it('writes the first placeholder twice', () => {
    expect(mutateFirstPlaceholder(pieces, 'duplicate')).toEqual([
      text('a '),
      placeholder('⟦1⟧'),
      placeholder('⟦1⟧'),
      text(' b '),
      placeholder('⟦2⟧'),
    ]);
  });

  it('leaves a text without placeholders alone', () => {
    expect(mutateFirstPlaceholder([text('plain')], 'drop')).toEqual([text('plain')]);
  });
});
