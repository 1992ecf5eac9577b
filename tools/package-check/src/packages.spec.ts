import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleSandbox } from './example-sandbox';
import { PUBLISHED, run, type PackResult } from './pack';
import { loadSandboxes } from './sandboxes';

describe('the published libraries, packed and each installed alone into an empty folder, as another team would', () => {
  let packed = new Map<string, PackResult>();
  let sandboxes = new Map<string, ExampleSandbox>();
  const installed = (name: string): string => join(sandboxes.get(name)!.dir, 'node_modules', '@zmp-manual', name);

  beforeAll(async () => {
    ({ packed, sandboxes } = await loadSandboxes());
  });

  it.each(PUBLISHED)('%s ships its compiled code, types and README, and no tests or sources', (name) => {
    const files = packed.get(name)!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
    expect(files.filter((f) => f.includes('.spec.') || f.startsWith('src/') || f.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it.each(PUBLISHED)('%s loads with plain node (require and import) and exports what its source exports', async (name) => {
    const id = `@zmp-manual/${name}`;
    const script = `
      const viaRequire = Object.keys(require(${JSON.stringify(id)})).sort();
      import(${JSON.stringify(id)}).then((m) => {
        const viaImport = Object.keys(m).filter((k) => !['default', '__esModule', 'module.exports'].includes(k)).sort();
        console.log(JSON.stringify({ viaRequire, viaImport }));
      });`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: sandboxes.get(name)!.dir });
    const { viaRequire, viaImport } = JSON.parse(stdout) as { viaRequire: string[]; viaImport: string[] };
    const fromSource = Object.keys((await import(id)) as object).filter((k) => k !== 'default').sort();
    expect(viaRequire).toEqual(fromSource);
    expect(viaImport).toEqual(fromSource);
  });

  it.each(PUBLISHED)('%s declares every package it imports at run time', async (name) => {
    const manifest = JSON.parse(await readFile(join(installed(name), 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const code = (await run('grep', ['-rhoE', `require\\("[^"./][^"]*"\\)`, join(installed(name), 'dist')]).catch(() => ({ stdout: '' }))).stdout;
    const imported = new Set(
      code
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice('require("'.length, -2))
        .filter((spec) => !spec.startsWith('node:'))
        .map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])),
    );
    expect([...imported].filter((dep) => !(dep in (manifest.dependencies ?? {})))).toEqual([]);
    if (name === 'notion-exporter') expect(imported).toContain('unified'); // the scan does see imports
  });
});
