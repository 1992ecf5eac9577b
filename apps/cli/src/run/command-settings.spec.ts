import { commandEnv, commandSettings } from './command-settings';

const ROOT = '0123456789abcdef0123456789abcdef';

describe('command settings', () => {
  it('writes each given flag over its variable and narrows SOLUTIONS to the one asked for', () => {
    const env = { SOLUTIONS: 'zcp,apim', SITE_LAYOUT: 'single', TRANSLATION_PROVIDER: 'openai' };
    expect(commandEnv(env, 'apim', { SITE_LAYOUT: 'per-solution', TRANSLATION_PROVIDER: undefined })).toEqual({
      SOLUTIONS: 'apim',
      SITE_LAYOUT: 'per-solution',
      TRANSLATION_PROVIDER: 'openai',
    });
    const settings = commandSettings({ NOTION_TOKEN: 'secret_x', APIM_ROOT_PAGE_ID: ROOT, ZCP_ROOT_PAGE_ID: 'broken' }, 'apim', { SITE_LAYOUT: 'per-solution' }, ['notion']);
    expect(settings.solutions).toEqual([{ id: 'apim', rootPageId: '01234567-89ab-cdef-0123-456789abcdef', repository: null, layout: 'per-solution' }]);
  });

  it('reads translate settings without any Notion variable, and no stand-in for them', () => {
    const settings = commandSettings({ OPENAI_API_KEY: 'sk-x', MAX_CHUNK_SIZE: '500' }, 'zcp', { SITE_LAYOUT: 'per-solution' }, ['translation']);
    expect(settings.translation).toMatchObject({ provider: 'openai', maxChunkTokens: 500 });
    expect(settings).toMatchObject({ notion: null, solutions: [], layout: 'per-solution' });
    expect(() => commandSettings({ MAX_CHUNK_SIZE: 'lots' }, 'zcp', {}, ['translation'])).toThrow('MAX_CHUNK_SIZE must be a whole number');
  });

  it('reads export settings without a key for a translation provider export does not use', () => {
    const settings = commandSettings({ NOTION_TOKEN: 'secret_x', ZCP_ROOT_PAGE_ID: ROOT, TRANSLATION_PROVIDER: 'openai' }, 'zcp', {}, ['notion']);
    expect(settings.notion.token).toBe('secret_x');
    expect(() => commandSettings({ NOTION_TOKEN: 'secret_x', ZCP_ROOT_PAGE_ID: ROOT, TRANSLATION_PROVIDER: 'openai' }, 'zcp', {}, ['notion', 'translation'])).toThrow(
      'OPENAI_API_KEY is required when TRANSLATION_PROVIDER is openai',
    );
  });
});
