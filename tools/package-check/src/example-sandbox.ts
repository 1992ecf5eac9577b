import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { npm, publishedLibrary, run, type PackResult } from './pack';
import { readmeExample, readmeInstall } from './readme';

/** An empty folder where one library was installed the way its README says, and its example saved. */
export interface ExampleSandbox {
  library: string;
  dir: string;
  /** The README as published in the tarball. */
  readme: string;
  /** What the folder's package.json ended up depending on. */
  dependencies: Record<string, string>;
}

export interface ExampleRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface Manifest {
  dependencies?: Record<string, string>;
}

/**
 * Installs `library` into `dir` (created empty) with its README's `npm install` line — our own packages as the
 * tarballs in `packed`, together with any other of our packages they depend on, everything else from the npm
 * cache (`--prefer-offline`) — and saves the README's example as `dir/example.js`.
 */
export async function prepareExample(library: string, dir: string, tarballs: string, packed: Map<string, PackResult>): Promise<ExampleSandbox> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: `example-${library}`, version: '1.0.0', private: true }));
  const own = packed.get(library);
  if (own === undefined) throw new Error(`${library} was not packed`);
  await run('tar', ['-xzf', join(tarballs, own.filename), '-C', dir, 'package/README.md', 'package/package.json']);
  const readme = await readFile(join(dir, 'package', 'README.md'), 'utf8');
  const manifest = JSON.parse(await readFile(join(dir, 'package', 'package.json'), 'utf8')) as Manifest;
  await rm(join(dir, 'package'), { recursive: true, force: true });

  const wanted = readmeInstall(readme);
  if (!wanted.includes(`@zmp-manual/${library}`)) throw new Error(`${library}'s README does not install @zmp-manual/${library}`);
  const ours = new Set([...wanted, ...Object.keys(manifest.dependencies ?? {})].map(publishedLibrary).filter((name) => name !== undefined));
  const specs = [
    ...wanted.filter((spec) => publishedLibrary(spec) === undefined),
    ...[...ours].map((name) => join(tarballs, packed.get(name)?.filename ?? `${name}-not-packed.tgz`)),
  ];
  await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...specs], dir);
  await writeFile(join(dir, 'example.js'), readmeExample(readme));
  const installed = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
  return { library, dir, readme, dependencies: installed.dependencies ?? {} };
}

/**
 * Runs `node example.js` in the sandbox with only the given variables (plus PATH, and TMPDIR inside the sandbox),
 * so nothing from the test's own environment — an OPENAI_API_KEY, a REDIS_URL — changes what the example does.
 */
export async function runExample(sandbox: ExampleSandbox, env: Record<string, string>, timeoutMs = 60_000): Promise<ExampleRun> {
  const tmp = join(sandbox.dir, 'tmp');
  await mkdir(tmp, { recursive: true });
  try {
    const { stdout, stderr } = await run(process.execPath, ['example.js'], {
      cwd: sandbox.dir,
      timeout: timeoutMs,
      maxBuffer: 16 * 1024 * 1024,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: sandbox.dir, TMPDIR: tmp, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; signal?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: `${failed.stderr ?? ''}${failed.signal ? `\n(killed by ${failed.signal})` : ''}`,
    };
  }
}
