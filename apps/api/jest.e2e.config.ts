import unit from './jest.config';

/**
 * The API's end-to-end suite: real Redis, the Notion, OpenAI, git and OpenID Connect emulators in the test
 * process, and the BUILT api and worker spawned as child processes (`nx run api:e2e` builds both first).
 * One file at a time: each file boots an API and a worker of its own and shares them across its cases.
 */
export default {
  ...unit,
  displayName: 'api-e2e',
  testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
