import unit from './jest.config';

/**
 * The worker's end-to-end suite: real Redis, the three emulators in the test process, and the BUILT worker
 * spawned as child processes (`nx run worker:e2e` builds first). One file at a time: each case runs worker
 * processes of its own and watches their steps.
 */
export default {
  ...unit,
  displayName: 'worker-e2e',
  testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
};
