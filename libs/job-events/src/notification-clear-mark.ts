/**
 * A user's clear mark for the system-wide notifications: everything scored (created) before `score`, and
 * those scored exactly `score` that existed when the user cleared (`ids`) — so a notification created in
 * the same millisecond just after the clear stays visible.
 */
export interface ClearMark {
  score: number;
  ids: readonly string[];
}

export function parseClearMark(raw: string | null): ClearMark | null {
  if (raw === null) return null;
  const mark = JSON.parse(raw) as ClearMark;
  return typeof mark.score === 'number' && Array.isArray(mark.ids) ? mark : null;
}

/** Whether the mark hides a system-wide notification with this index score and id. */
export function clearMarkHides(mark: ClearMark | null, score: number, id: string): boolean {
  return mark !== null && (score < mark.score || (score === mark.score && mark.ids.includes(id)));
}
