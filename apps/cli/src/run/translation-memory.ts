import { join } from 'node:path';

/** Where a solution's translation memory lives in the data folder (shared by `translate` and `publish`). */
export function memoryDir(dataDir: string, solution: string): string {
  return join(dataDir, 'memory', solution);
}
