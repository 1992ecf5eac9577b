/** Small formatting helpers shared by the progress lines and the summary table. */

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

export function formatPercent(percent: number | null): string {
  return percent === null ? ' --%' : `${Math.floor(Math.min(100, Math.max(0, percent)))}%`.padStart(4);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${seconds} s`;
}

export const shortSha = (sha: string | null | undefined): string => (sha ? sha.slice(0, 7) : '-');

/** Cuts `text` to `width` characters (code points), ending with `…` when it was longer. */
export function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (width <= 0) return '';
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
