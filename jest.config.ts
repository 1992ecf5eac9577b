import { getJestProjectsAsync } from '@nx/jest';
import type { Config } from 'jest';

// `npx jest` at the root runs every project's tests; `nx test <project>` runs one.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
});
