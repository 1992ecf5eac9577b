import type { z } from 'zod';
import { SettingsError } from './settings-error';
import { schemas } from './setting-schemas';
import type { LoadedSettings, LoadSettingsOptions, PipelineSettings, SettingsPart, SolutionSettings } from './settings.types';

type Env = Record<string, string | undefined>;

/** Every part is required unless the caller names the ones it uses. */
const ALL_PARTS: readonly SettingsPart[] = ['notion', 'translation'];

/** The variable's text, trimmed; `undefined` when unset or blank (as `FOO=` in an env file). */
function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Parses one variable; unset gives `fallback`. A bad value is a `SettingsError` naming the variable. */
function read<T>(env: Env, name: string, schema: z.ZodType<T, string>, fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const result = schema.safeParse(value);
  if (!result.success) throw new SettingsError(name, `${name} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  return result.data;
}

/** `zcp` → `ZCP`, `my-docs` → `MY_DOCS`: the prefix of a solution's variables. */
export const solutionPrefix = (id: string): string => id.toUpperCase().replace(/-/g, '_');

function solutionsOf(env: Env, layout: PipelineSettings['layout'], required: boolean): SolutionSettings[] {
  const ids = read(env, 'SOLUTIONS', schemas.solutionIds, ['zcp', 'apim', 'amdp']);
  const defaultUrl = read<string | null>(env, 'GITHUB_REPO_URL', schemas.repositoryUrl, null);
  const defaultBranch = read(env, 'GITHUB_BRANCH', schemas.branch, 'develop');
  const solutions: SolutionSettings[] = [];
  for (const id of ids) {
    const prefix = solutionPrefix(id);
    const rootPageId = read<string | null>(env, `${prefix}_ROOT_PAGE_ID`, schemas.notionId, null);
    if (rootPageId === null) continue;
    const url = read(env, `${prefix}_REPO_URL`, schemas.repositoryUrl, defaultUrl);
    const branch = read(env, `${prefix}_BRANCH`, schemas.branch, defaultBranch);
    solutions.push({ id, rootPageId, repository: url === null ? null : { url, branch }, layout });
  }
  if (required && solutions.length === 0) {
    const names = ids.map((id) => `${solutionPrefix(id)}_ROOT_PAGE_ID`).join(', ');
    throw new SettingsError(`${solutionPrefix(ids[0] ?? 'zcp')}_ROOT_PAGE_ID`, `No solution is configured: set at least one of ${names}`);
  }
  return solutions;
}

/**
 * Reads the pipeline's settings from an environment (pass `process.env`; nothing else is read): the
 * original service's variable names plus ours (`SETTINGS_ENV_VARS`). Throws a `SettingsError` naming the
 * first variable that is missing or wrong; every variable that is set is checked, whatever `require` says.
 * Secrets are kept as given; print them with `redactSettings`.
 *
 * `options.require` names the parts the caller uses (default both): `notion` needs `NOTION_TOKEN` and at
 * least one `<SOL>_ROOT_PAGE_ID`; `translation` needs `OPENAI_API_KEY` when the provider is `openai`. Without
 * `notion` (translating pages already exported), `notion` is `null` when `NOTION_TOKEN` is unset and
 * `solutions` may be empty.
 */
export function loadSettings(env: Env): PipelineSettings;
export function loadSettings<const P extends SettingsPart>(env: Env, options: LoadSettingsOptions<P>): LoadedSettings<P>;
export function loadSettings(env: Env, options: LoadSettingsOptions = {}): PipelineSettings | LoadedSettings<'translation'> {
  const parts = new Set(options.require ?? ALL_PARTS);
  const token = read<string | null>(env, 'NOTION_TOKEN', schemas.text, null);
  if (token === null && parts.has('notion')) throw new SettingsError('NOTION_TOKEN', 'NOTION_TOKEN is required');
  const baseUrl = read<string | null>(env, 'NOTION_BASE_URL', schemas.url, null);
  const rate = read(env, 'NOTION_RATE_LIMIT', schemas.rate, 3);
  const layout = read(env, 'SITE_LAYOUT', schemas.layout, 'single');
  const solutions = solutionsOf(env, layout, parts.has('notion'));
  const apiKey = read<string | null>(env, 'OPENAI_API_KEY', schemas.text, null);
  const provider = read(env, 'TRANSLATION_PROVIDER', schemas.provider, apiKey === null ? 'pseudo' : 'openai');
  if (provider === 'openai' && apiKey === null && parts.has('translation')) {
    throw new SettingsError('OPENAI_API_KEY', 'OPENAI_API_KEY is required when TRANSLATION_PROVIDER is openai');
  }
  return {
    notion: token === null ? null : { token, baseUrl, rateLimit: rate === 0 ? false : { requestsPerSecond: rate } },
    solutions,
    git: {
      token: read<string | null>(env, 'GITHUB_TOKEN', schemas.text, null),
      author: { name: read(env, 'GIT_AUTHOR_NAME', schemas.text, 'zmp-manual'), email: read(env, 'GIT_AUTHOR_EMAIL', schemas.email, 'zmp-manual@localhost') },
    },
    layout,
    targetLanguages: read(env, 'TARGET_LANGUAGES', schemas.languages, ['ko', 'ja', 'zh']),
    translation: {
      provider,
      openai: { apiKey, baseUrl: read<string | null>(env, 'OPENAI_BASE_URL', schemas.url, null), model: read(env, 'OPENAI_MODEL', schemas.text, 'gpt-4o-mini') },
      maxChunkTokens: read(env, 'MAX_CHUNK_SIZE', schemas.positiveInteger, 2000),
      maxConcurrentRequests: read(env, 'MAX_CONCURRENT_REQUESTS', schemas.positiveInteger, 5),
    },
  };
}
