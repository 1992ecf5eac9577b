import { checkPlaceholders, piecesToText, tokenize } from './placeholders';
import type { Piece } from './segment.types';

// "Click **Save** or `x`": a span ⟦1⟧…⟦/1⟧ around "Save", an atom ⟦2⟧.
const pieces: Piece[] = [
  { kind: 'text', value: 'Click ' },
  { kind: 'open', n: 1, start: 6, end: 8 },
  { kind: 'text', value: 'Save' },
  { kind: 'close', n: 1, start: 12, end: 14 },
  { kind: 'text', value: ' or ' },
  { kind: 'atom', n: 2, start: 18, end: 21 },
];
const check = (text: string) => checkPlaceholders(pieces, tokenize(text));

describe('placeholders', () => {
  it('shows spans and atoms to the model as numbered tokens', () => {
    expect(piecesToText(pieces)).toBe('Click ⟦1⟧Save⟦/1⟧ or ⟦2⟧');
  });

  it('accepts any order of words and atoms, as long as each placeholder is there once and spans nest as before', () => {
    expect(check('⟦2⟧ oder ⟦1⟧Speichern⟦/1⟧ klicken')).toBeUndefined();
  });

  it.each([
    ['Click ⟦1⟧Save or ⟦2⟧', 'placeholder_missing'],
    ['Click ⟦1⟧Save⟦/1⟧ or ⟦2⟧⟦2⟧', 'placeholder_duplicated'],
    ['Click ⟦1⟧Save⟦/1⟧ or ⟦2⟧ ⟦3⟧', 'placeholder_unknown'],
    ['Click ⟦/1⟧Save⟦1⟧ or ⟦2⟧', 'placeholder_misnested'],
    ['Click ⟦1⟧Save ⟦2⟧⟦/1⟧', 'placeholder_misnested'],
  ])('refuses %s (%s)', (text, problem) => {
    expect(check(text)).toBe(problem);
  });
});
