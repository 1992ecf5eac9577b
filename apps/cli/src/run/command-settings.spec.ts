import { memoryIo } from '../../test/support/memory-io';
import { commandEnv, commandSettings, resolveDataDir, translationSettings } from './command-settings';

const ROOT = '0123456789abcdef0123456789abcdef';

describe('command settings', () => {
  it('writes each given flag over its variable and narrows SOLUTIONS to the one asked for', () => {
    const env = { SOLUTIONS: 'zcp,apim', SITE_LAYOUT: 'single', TRANSLATION_PROVIDER: 'openai' };
    expect(commandEnv(env, 'apim', { SITE_LAYOUT: 'per-solution', TRANSLATION_PROVIDER: undefined })).toEqual({
      SOLUTIONS: 'apim',
      SITE_LAYOUT: 'per-solution',
      TRANSLATION_PROVIDER: 'openai',
    });
    const settings = commandSettings({ NOTION_TOKEN: 'secret_x', APIM_ROOT_PAGE_ID: ROOT, ZCP_ROOT_PAGE_ID: 'broken' }, 'apim', { SITE_LAYOUT: 'per-solution' });
    expect(settings.solutions).toEqual([{ id: 'apim', rootPageId: '01234567-89ab-cdef-0123-456789abcdef', repository: null, layout: 'per-solution' }]);
  });

  it('reads translate settings without any Notion variable', () => {
    const settings = translationSettings({ OPENAI_API_KEY: 'sk-x', MAX_CHUNK_SIZE: '500' }, 'zcp');
    expect(settings.translation).toMatchObject({ provider: 'openai', maxChunkTokens: 500 });
    expect(() => translationSettings({ MAX_CHUNK_SIZE: 'lots' }, 'zcp')).toThrow('MAX_CHUNK_SIZE must be a whole number');
  });

  it('finds the data folder: --data-dir, ZMP_MANUAL_DATA_DIR, XDG_CACHE_HOME, then ~/.cache', () => {
    const io = (env: Record<string, string>) => memoryIo({ env, cwd: '/work' });
    expect(resolveDataDir('state', io({ ZMP_MANUAL_DATA_DIR: '/elsewhere' }))).toBe('/work/state');
    expect(resolveDataDir(undefined, io({ ZMP_MANUAL_DATA_DIR: '/elsewhere', XDG_CACHE_HOME: '/xdg' }))).toBe('/elsewhere');
    expect(resolveDataDir(undefined, io({ XDG_CACHE_HOME: '/xdg', HOME: '/home/me' }))).toBe('/xdg/zmp-manual');
    expect(resolveDataDir(undefined, io({ HOME: '/home/me' }))).toBe('/home/me/.cache/zmp-manual');
  });
});
