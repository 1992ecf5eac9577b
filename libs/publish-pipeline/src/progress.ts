/**
 * The original service's progress formula (seed contract §5.3): export fills 0–50 % of the job,
 * translation 50–100 %. Values are percentages rounded to one decimal.
 */
export interface Progress {
  export_progress: number;
  translation_progress: number;
  total_progress: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const share = (current: number, total: number) => (total <= 0 ? 0 : Math.min(1, Math.max(0, current / total)));

export function exportProgress(current: number, total: number): Progress {
  const pct = share(current, Math.max(1, total));
  return { export_progress: round1(pct * 100), translation_progress: 0, total_progress: round1(pct * 50) };
}

export function translationProgress(current: number, total: number): Progress {
  const pct = share(current, total);
  return { export_progress: 100, translation_progress: round1(pct * 100), total_progress: round1(50 + pct * 50) };
}
