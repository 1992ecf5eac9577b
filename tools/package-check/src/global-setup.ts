import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareExample, type ExampleSandbox } from './example-sandbox';
import { packLibraries, PUBLISHED } from './pack';
import { SANDBOXES_ENV, SANDBOXES_FILE, type PreparedSandboxes } from './sandboxes';

/**
 * Packs the five libraries once and installs each, alone, into its own empty folder (see example-sandbox.ts),
 * for every spec of this project; the folder is handed to them (and to the teardown) in an environment variable.
 */
export default async function globalSetup(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'zmp-package-check-'));
  process.env[SANDBOXES_ENV] = root;
  const tarballs = join(root, 'tarballs');
  await mkdir(tarballs);
  const packed = await packLibraries(tarballs);
  const sandboxes: ExampleSandbox[] = [];
  // Two installs at a time: the machine has two cores and other projects' tests run beside this one.
  const queue = [...PUBLISHED];
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      sandboxes.push(await prepareExample(name, join(root, name), tarballs, packed));
    }
  };
  await Promise.all([worker(), worker()]);
  const prepared: PreparedSandboxes = { tarballs, packed: [...packed.values()], sandboxes };
  await writeFile(join(root, SANDBOXES_FILE), JSON.stringify(prepared));
}
