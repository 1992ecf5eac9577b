import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoEnvironment } from '../../src/demo/demo-environment';
import type { DemoEnvironment } from '../../src/demo/demo-environment';
import { runCli } from '../../src/run-cli';
import type { MemoryIoOptions } from './memory-io';
import { memoryIo } from './memory-io';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The demo's servers (real HTTP, real git) for one spec file, and temp folders removed after it. */
export function useEmulators() {
  const state: { env?: DemoEnvironment; dirs: string[] } = { dirs: [] };
  beforeAll(async () => {
    state.env = await startDemoEnvironment({ notionRateLimit: false });
  });
  afterAll(async () => {
    await state.env?.stop();
    await Promise.all(state.dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const environment = (): DemoEnvironment => {
    if (!state.env) throw new Error('the emulators are not started');
    return state.env;
  };
  return {
    environment,
    /** The settings of the demo servers, as a user would export them, without rate limits. */
    env: (overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
      ...environment().env,
      NOTION_RATE_LIMIT: '0',
      ...overrides,
    }),
    tempDir: async (prefix: string): Promise<string> => {
      const dir = await mkdtemp(join(tmpdir(), `zmp-cli-${prefix}-`));
      state.dirs.push(dir);
      return dir;
    },
  };
}

/** Runs `zmp-manual <args>` in this process. */
export async function cli(args: string[], options: MemoryIoOptions = {}): Promise<CliRun> {
  const io = memoryIo(options);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}
