import { SETTINGS_ENV_VARS } from '@zmp-manual/publish-pipeline';
import type { EnvVarHelp } from './command-help';

/** The CLI's own variable (the pipeline's settings do not know it). */
export const DATA_DIR_VAR: EnvVarHelp = {
  name: 'ZMP_MANUAL_DATA_DIR',
  description: 'folder for working copies, the export manifest and the translation memory',
  default: '$XDG_CACHE_HOME/zmp-manual or ~/.cache/zmp-manual',
};

/** Where the CLI reads a variable differently from the pipeline's description: one solution, `--solution`. */
const CLI_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '<SOL>_ROOT_PAGE_ID': "The root Notion page of the --solution (32 hex digits, dashed or not), e.g. ZCP_ROOT_PAGE_ID for --solution zcp. Required.",
};

/** The help lines of the named settings variables, as the pipeline documents them (`SETTINGS_ENV_VARS`). */
export function settingsVars(names: readonly string[]): EnvVarHelp[] {
  return names.map((name) => {
    const known = SETTINGS_ENV_VARS.find((v) => v.name === name);
    const description = CLI_DESCRIPTIONS[name] ?? `${known?.description ?? ''}${known?.required ? ' Required.' : ''}`;
    return { name, description, default: known?.default ?? undefined };
  });
}

/** `SOLUTIONS` is not among them: a command works on the one solution `--solution` names. */
export const NOTION_VARS = ['NOTION_TOKEN', 'NOTION_BASE_URL', 'NOTION_RATE_LIMIT', '<SOL>_ROOT_PAGE_ID'] as const;
export const TRANSLATION_VARS = [
  'TRANSLATION_PROVIDER',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_MODEL',
  'MAX_CHUNK_SIZE',
  'MAX_CONCURRENT_REQUESTS',
] as const;
export const GIT_VARS = ['GITHUB_REPO_URL', 'GITHUB_BRANCH', 'GITHUB_TOKEN', '<SOL>_REPO_URL', '<SOL>_BRANCH', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL'] as const;
