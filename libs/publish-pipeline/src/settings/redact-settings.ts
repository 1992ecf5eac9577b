import type { PipelineSettings, SettingsWithoutNotion } from './settings.types';

const MASK = '***';
const masked = (value: string | null): string | null => (value === null ? null : MASK);

/** A copy of the settings with every secret (`NOTION_TOKEN`, `GITHUB_TOKEN`, `OPENAI_API_KEY`) as `***`, for logs and `--help`. */
export function redactSettings<S extends PipelineSettings | SettingsWithoutNotion>(settings: S): S {
  return {
    ...settings,
    notion: settings.notion && { ...settings.notion, token: MASK },
    solutions: settings.solutions.map((solution) => ({ ...solution, repository: solution.repository && { ...solution.repository } })),
    git: { ...settings.git, token: masked(settings.git.token), author: { ...settings.git.author } },
    targetLanguages: [...settings.targetLanguages],
    translation: { ...settings.translation, openai: { ...settings.translation.openai, apiKey: masked(settings.translation.openai.apiKey) } },
  };
}
