import type { WriteSolutionResult } from '@zmp-manual/docusaurus-writer';

/** Files created, changed and removed by a run, relative to the site root, sorted. */
export interface FileChanges {
  created: string[];
  changed: string[];
  removed: string[];
}

type Change = keyof FileChanges;

/** What several writes in a row did, compared with the site before the first one. */
export function mergeChanges(writes: readonly (WriteSolutionResult | undefined)[]): FileChanges {
  const state = new Map<string, Change>();
  for (const write of writes) {
    if (write === undefined) continue;
    for (const path of write.created) state.set(path, state.get(path) === 'removed' ? 'changed' : 'created');
    for (const path of write.changed) if (state.get(path) !== 'created') state.set(path, 'changed');
    for (const path of write.removed) {
      if (state.get(path) === 'created') state.delete(path);
      else state.set(path, 'removed');
    }
  }
  const changes: FileChanges = { created: [], changed: [], removed: [] };
  for (const [path, change] of [...state].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) changes[change].push(path);
  return changes;
}

/** Every file of a write's output (written or left as it was). */
export function outputFiles(write: WriteSolutionResult): string[] {
  return [...write.created, ...write.changed, ...write.unchanged];
}
