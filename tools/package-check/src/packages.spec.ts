import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

/** The libraries other teams install from npm; each must work on its own, outside this repository. */
const PUBLISHED = ['notion-exporter', 'mdx-translator', 'docusaurus-writer', 'git-publisher', 'job-events'];

interface PackResult {
  filename: string;
  files: { path: string }[];
}

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return stdout;
}

describe('the published libraries, packed and installed as another team would', () => {
  let consumer: string;
  const packed = new Map<string, PackResult>();

  beforeAll(async () => {
    consumer = await mkdtemp(join(tmpdir(), 'zmp-consumer-'));
    for (const name of PUBLISHED) {
      const [result] = JSON.parse(await npm(['pack', '--json', '--pack-destination', consumer], join(ROOT, 'libs', name))) as PackResult[];
      packed.set(name, result);
    }
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const tarballs = [...packed.values()].map((p) => `./${p.filename}`);
    await npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', ...tarballs], consumer);
  }, 180_000);

  afterAll(() => rm(consumer, { recursive: true, force: true }));

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
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: consumer });
    const { viaRequire, viaImport } = JSON.parse(stdout) as { viaRequire: string[]; viaImport: string[] };
    const fromSource = Object.keys((await import(id)) as object).filter((k) => k !== 'default').sort();
    expect(viaRequire).toEqual(fromSource);
    expect(viaImport).toEqual(fromSource);
  });

  it.each(PUBLISHED)('%s declares every package it imports at run time', async (name) => {
    const manifest = JSON.parse(await readFile(join(consumer, 'node_modules', '@zmp-manual', name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const code = (await run('grep', ['-rhoE', `require\\("[^"./][^"]*"\\)`, join(consumer, 'node_modules', '@zmp-manual', name, 'dist')]).catch(() => ({ stdout: '' }))).stdout;
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
