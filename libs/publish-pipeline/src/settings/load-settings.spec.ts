import { Client } from '@notionhq/client';
import { loadSettings } from './load-settings';
import { redactSettings } from './redact-settings';
import { SETTINGS_ENV_VARS } from './env-vars';
import { createNotionClient, createProvider, solutionConfig } from './settings-clients';
import { SettingsError } from './settings-error';

const ZCP_ROOT = '19ab7135d33b803b8ea7ff3e366f707d';
const BASE = { NOTION_TOKEN: 'secret_notion_1234', ZCP_ROOT_PAGE_ID: ZCP_ROOT };

function settingsError(env: Record<string, string | undefined>): SettingsError {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('no SettingsError');
}

describe('loadSettings', () => {
  it("fills the original service's defaults", () => {
    expect(loadSettings(BASE)).toEqual({
      notion: { token: 'secret_notion_1234', baseUrl: null, rateLimit: { requestsPerSecond: 3 } },
      solutions: [{ id: 'zcp', rootPageId: '19ab7135-d33b-803b-8ea7-ff3e366f707d', repository: null, layout: 'single' }],
      git: { token: null, author: { name: 'zmp-manual', email: 'zmp-manual@localhost' } },
      layout: 'single',
      targetLanguages: ['ko', 'ja', 'zh'],
      translation: { provider: 'pseudo', openai: { apiKey: null, baseUrl: null, model: 'gpt-4o-mini' }, maxChunkTokens: 2000, maxConcurrentRequests: 5 },
    });
  });

  it('reads every variable, per-solution repositories and branches included', () => {
    const settings = loadSettings({
      ...BASE,
      NOTION_BASE_URL: 'http://127.0.0.1:4030',
      NOTION_RATE_LIMIT: '0',
      SOLUTIONS: 'zcp, apim,my-docs',
      APIM_ROOT_PAGE_ID: '1abb7135-d33b-80a7-9eff-f5ae2eaced37',
      MY_DOCS_ROOT_PAGE_ID: '2abb7135d33b80a79efff5ae2eaced37',
      GITHUB_REPO_URL: 'https://github.com/org/site.git',
      GITHUB_BRANCH: 'main',
      GITHUB_TOKEN: 'ghp_abc',
      APIM_REPO_URL: 'https://git.example/apim.git',
      MY_DOCS_BRANCH: 'docs',
      SITE_LAYOUT: 'per-solution',
      TARGET_LANGUAGES: 'ko, pt-br,ja,ko',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1',
      OPENAI_MODEL: 'gpt-4o',
      MAX_CHUNK_SIZE: '4000',
      MAX_CONCURRENT_REQUESTS: '15',
      GIT_AUTHOR_NAME: 'Docs Bot',
      GIT_AUTHOR_EMAIL: 'docs@example.com',
    });
    expect(settings.notion).toEqual({ token: 'secret_notion_1234', baseUrl: 'http://127.0.0.1:4030', rateLimit: false });
    expect(settings.solutions).toEqual([
      { id: 'zcp', rootPageId: '19ab7135-d33b-803b-8ea7-ff3e366f707d', repository: { url: 'https://github.com/org/site.git', branch: 'main' }, layout: 'per-solution' },
      { id: 'apim', rootPageId: '1abb7135-d33b-80a7-9eff-f5ae2eaced37', repository: { url: 'https://git.example/apim.git', branch: 'main' }, layout: 'per-solution' },
      { id: 'my-docs', rootPageId: '2abb7135-d33b-80a7-9eff-f5ae2eaced37', repository: { url: 'https://github.com/org/site.git', branch: 'docs' }, layout: 'per-solution' },
    ]);
    expect(settings.targetLanguages).toEqual(['ko', 'pt-BR', 'ja']);
    expect(settings.translation).toEqual({ provider: 'openai', openai: { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:4010/v1', model: 'gpt-4o' }, maxChunkTokens: 4000, maxConcurrentRequests: 15 });
    expect(settings.git).toEqual({ token: 'ghp_abc', author: { name: 'Docs Bot', email: 'docs@example.com' } });
  });

  it('treats blank values as unset, and TARGET_LANGUAGES=none as no translation', () => {
    const settings = loadSettings({ ...BASE, GITHUB_BRANCH: '  ', TARGET_LANGUAGES: 'none', TRANSLATION_PROVIDER: 'pseudo', OPENAI_API_KEY: 'sk-x' });
    expect(settings.targetLanguages).toEqual([]);
    expect(settings.translation.provider).toBe('pseudo');
  });

  it.each([
    [{ ZCP_ROOT_PAGE_ID: ZCP_ROOT }, 'NOTION_TOKEN', 'NOTION_TOKEN is required'],
    [{ NOTION_TOKEN: 'x' }, 'ZCP_ROOT_PAGE_ID', 'No solution is configured: set at least one of ZCP_ROOT_PAGE_ID, APIM_ROOT_PAGE_ID, AMDP_ROOT_PAGE_ID'],
    [{ ...BASE, ZCP_ROOT_PAGE_ID: 'zcp-root' }, 'ZCP_ROOT_PAGE_ID', 'ZCP_ROOT_PAGE_ID must be a Notion page id (32 hex digits, dashed or not)'],
    [{ ...BASE, SOLUTIONS: 'ZCP' }, 'SOLUTIONS', 'SOLUTIONS must list lower-case ids (letters, digits, - and _), comma-separated'],
    [{ ...BASE, GITHUB_REPO_URL: 'https://user:ghp_secret@github.com/org/site.git' }, 'GITHUB_REPO_URL', 'GITHUB_REPO_URL must not contain credentials, a query or a fragment (give the token in GITHUB_TOKEN)'],
    [{ ...BASE, GITHUB_REPO_URL: 'git@github.com:org/site.git' }, 'GITHUB_REPO_URL', 'GITHUB_REPO_URL must be an http(s) URL'],
    [{ ...BASE, GITHUB_BRANCH: 'bad branch' }, 'GITHUB_BRANCH', 'GITHUB_BRANCH must be a valid git branch name'],
    [{ ...BASE, SITE_LAYOUT: 'multi' }, 'SITE_LAYOUT', 'SITE_LAYOUT must be single or per-solution'],
    [{ ...BASE, TARGET_LANGUAGES: 'ko,../x' }, 'TARGET_LANGUAGES', 'TARGET_LANGUAGES must list BCP-47 language tags (ko, pt-BR, zh-Hans), comma-separated, or none; "../x" is not one'],
    [{ ...BASE, TRANSLATION_PROVIDER: 'deepl' }, 'TRANSLATION_PROVIDER', 'TRANSLATION_PROVIDER must be openai or pseudo'],
    [{ ...BASE, TRANSLATION_PROVIDER: 'openai' }, 'OPENAI_API_KEY', 'OPENAI_API_KEY is required when TRANSLATION_PROVIDER is openai'],
    [{ ...BASE, MAX_CHUNK_SIZE: '2k' }, 'MAX_CHUNK_SIZE', 'MAX_CHUNK_SIZE must be a whole number'],
    [{ ...BASE, MAX_CONCURRENT_REQUESTS: '0' }, 'MAX_CONCURRENT_REQUESTS', 'MAX_CONCURRENT_REQUESTS must be at least 1'],
    [{ ...BASE, NOTION_RATE_LIMIT: 'fast' }, 'NOTION_RATE_LIMIT', 'NOTION_RATE_LIMIT must be a number of requests per second (0 turns the limit off)'],
    [{ ...BASE, GIT_AUTHOR_EMAIL: 'nobody' }, 'GIT_AUTHOR_EMAIL', 'GIT_AUTHOR_EMAIL must be an e-mail address'],
  ])('refuses %j naming %s', (env, variable, message) => {
    const error = settingsError(env);
    expect(error.toJSON()).toEqual({ name: 'SettingsError', code: 'invalid_setting', variable, message });
    expect(error.message).not.toContain('ghp_secret');
  });

  describe('{ require }: only the parts a caller uses must be configured', () => {
    it("reads a translation's settings with no Notion variable at all", () => {
      const settings = loadSettings({ OPENAI_API_KEY: 'sk-x', MAX_CHUNK_SIZE: '500', SITE_LAYOUT: 'per-solution' }, { require: ['translation'] });
      expect(settings.notion).toBeNull();
      expect(settings.solutions).toEqual([]);
      expect(settings.layout).toBe('per-solution');
      expect(settings.translation).toMatchObject({ provider: 'openai', maxChunkTokens: 500 });
      expect(createProvider(settings)).toMatchObject({ name: 'openai' });
      expect(redactSettings(settings)).toMatchObject({ notion: null, translation: { openai: { apiKey: '***' } } });
    });

    it('still checks every variable that is set, and keeps the Notion part when it is configured', () => {
      expect(() => loadSettings({ MAX_CHUNK_SIZE: 'lots' }, { require: ['translation'] })).toThrow('MAX_CHUNK_SIZE must be a whole number');
      expect(() => loadSettings({ ZCP_ROOT_PAGE_ID: 'zcp-root' }, { require: ['translation'] })).toThrow('ZCP_ROOT_PAGE_ID must be a Notion page id (32 hex digits, dashed or not)');
      expect(() => loadSettings({ TRANSLATION_PROVIDER: 'openai' }, { require: ['translation'] })).toThrow('OPENAI_API_KEY is required when TRANSLATION_PROVIDER is openai');
      const settings = loadSettings(BASE, { require: ['translation'] });
      expect(settings.notion).toEqual({ token: 'secret_notion_1234', baseUrl: null, rateLimit: { requestsPerSecond: 3 } });
      expect(settings.solutions.map((solution) => solution.id)).toEqual(['zcp']);
    });

    it("reads an export's settings without a key for the translation provider it does not use", () => {
      const settings = loadSettings({ ...BASE, TRANSLATION_PROVIDER: 'openai' }, { require: ['notion'] });
      expect(settings.notion.token).toBe('secret_notion_1234');
      expect(() => createProvider(settings)).toThrow(expect.objectContaining({ variable: 'OPENAI_API_KEY' }));
      expect(() => loadSettings({ TRANSLATION_PROVIDER: 'openai' }, { require: ['notion'] })).toThrow('NOTION_TOKEN is required');
    });

    it('requires everything by default, as with no options', () => {
      expect(() => loadSettings({ OPENAI_API_KEY: 'sk-x' }, {})).toThrow('NOTION_TOKEN is required');
      expect(() => loadSettings({ NOTION_TOKEN: 'x' }, { require: ['notion', 'translation'] })).toThrow(/^No solution is configured/);
      expect(loadSettings(BASE).layout).toBe('single');
    });
  });

  it('lists every variable it reads in SETTINGS_ENV_VARS, secrets marked', () => {
    const read = new Set<string>();
    const env = new Proxy({ ...BASE } as Record<string, string | undefined>, {
      get: (target, name: string) => {
        read.add(name.replace(/^ZCP_|^APIM_|^AMDP_/, '<SOL>_'));
        return target[name];
      },
    });
    loadSettings(env);
    const listed = SETTINGS_ENV_VARS.map((v) => v.name);
    expect([...read].filter((name) => !listed.includes(name))).toEqual([]);
    expect(SETTINGS_ENV_VARS.filter((v) => v.secret).map((v) => v.name)).toEqual(['NOTION_TOKEN', 'GITHUB_TOKEN', 'OPENAI_API_KEY']);
  });
});

describe('settings helpers', () => {
  const settings = loadSettings({ ...BASE, GITHUB_REPO_URL: 'https://github.com/org/site.git', GITHUB_TOKEN: 'ghp_abc', OPENAI_API_KEY: 'sk-test' });

  it('redactSettings hides every secret and leaves the settings as they were', () => {
    const shown = JSON.stringify(redactSettings(settings));
    for (const secret of ['secret_notion_1234', 'ghp_abc', 'sk-test']) expect(shown).not.toContain(secret);
    expect(redactSettings(settings).git.token).toBe('***');
    expect(settings.git.token).toBe('ghp_abc');
  });

  it('builds the Notion client, the provider and a solution config', () => {
    expect(createNotionClient(settings)).toBeInstanceOf(Client);
    expect(createProvider(settings)).toMatchObject({ name: 'openai', model: 'gpt-4o-mini' });
    expect(createProvider(loadSettings(BASE))).toMatchObject({ name: 'pseudo' });
    expect(solutionConfig(settings, 'zcp')).toEqual({
      id: 'zcp',
      rootPageId: '19ab7135-d33b-803b-8ea7-ff3e366f707d',
      layout: 'single',
      repository: { url: 'https://github.com/org/site.git', branch: 'develop', auth: { token: 'ghp_abc' } },
    });
    expect(() => solutionConfig(settings, 'apim')).toThrow('Solution apim is not configured: set APIM_ROOT_PAGE_ID (and list it in SOLUTIONS)');
    expect(() => solutionConfig(loadSettings(BASE), 'zcp')).toThrow(expect.objectContaining({ variable: 'GITHUB_REPO_URL' }));
  });
});
