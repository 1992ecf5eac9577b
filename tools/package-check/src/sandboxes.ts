import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleSandbox } from './example-sandbox';
import type { PackResult } from './pack';

/** Set by global-setup.ts: the folder holding the tarballs and one sandbox per library. */
export const SANDBOXES_ENV = 'ZMP_PACKAGE_CHECK_DIR';
export const SANDBOXES_FILE = 'sandboxes.json';

export interface PreparedSandboxes {
  tarballs: string;
  packed: PackResult[];
  sandboxes: ExampleSandbox[];
}

export interface Sandboxes {
  /** `npm pack --json` results by library (`job-events`). */
  packed: Map<string, PackResult>;
  /** One empty folder per library, where only that library (and what its README installs) was installed. */
  sandboxes: Map<string, ExampleSandbox>;
}

/** What global-setup.ts prepared for this run. */
export async function loadSandboxes(): Promise<Sandboxes> {
  const root = process.env[SANDBOXES_ENV];
  if (!root) throw new Error(`${SANDBOXES_ENV} is not set: run these specs through jest.config.ts (its globalSetup packs and installs)`);
  const prepared = JSON.parse(await readFile(join(root, SANDBOXES_FILE), 'utf8')) as PreparedSandboxes;
  const library = (packageName: string): string => packageName.replace(/^@zmp-manual\//, '');
  return {
    packed: new Map(prepared.packed.map((p) => [library(p.name), p])),
    sandboxes: new Map(prepared.sandboxes.map((s) => [s.library, s])),
  };
}
