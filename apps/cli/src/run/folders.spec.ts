import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../../test/support/memory-io';
import { UsageError } from '../errors/usage-error';
import { resolveDataDir, siteFolder } from './folders';

describe('folders', () => {
  it('finds the data folder: --data-dir, ZMP_MANUAL_DATA_DIR, XDG_CACHE_HOME, then ~/.cache', () => {
    const io = (env: Record<string, string>) => memoryIo({ env, cwd: '/work' });
    expect(resolveDataDir('state', io({ ZMP_MANUAL_DATA_DIR: '/elsewhere' }))).toBe('/work/state');
    expect(resolveDataDir(undefined, io({ ZMP_MANUAL_DATA_DIR: '/elsewhere', XDG_CACHE_HOME: '/xdg' }))).toBe('/elsewhere');
    expect(resolveDataDir(undefined, io({ XDG_CACHE_HOME: '/xdg', HOME: '/home/me' }))).toBe('/xdg/zmp-manual');
    expect(resolveDataDir(undefined, io({ HOME: '/home/me' }))).toBe('/home/me/.cache/zmp-manual');
  });

  it('resolves --site against the working folder and wants an existing folder', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'zmp-cli-folders-'));
    try {
      await writeFile(join(cwd, 'a-file'), '');
      const io = memoryIo({ cwd });
      expect(await siteFolder('.', io)).toBe(cwd);
      await expect(siteFolder('missing', io)).rejects.toThrow(new UsageError(`--site: ${join(cwd, 'missing')} does not exist (create the Docusaurus site first)`));
      await expect(siteFolder('a-file', io)).rejects.toThrow(new UsageError(`--site: ${join(cwd, 'a-file')} is not a folder`));
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
