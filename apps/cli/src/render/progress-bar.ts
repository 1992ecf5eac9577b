/** A text progress bar: `████████░░░░` for a known percentage, all `░` when it is not known yet. */
export const BAR_WIDTH = 20;
const FULL = '█';
const EMPTY = '░';

export function progressBar(percent: number | null, width = BAR_WIDTH): string {
  if (percent === null) return EMPTY.repeat(width);
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width);
  return FULL.repeat(filled) + EMPTY.repeat(width - filled);
}
