import { Client } from '@notionhq/client';
import type { Logger } from '@notionhq/client';
import { createOpenAIProvider, createPseudoProvider } from '@zmp-manual/mdx-translator';
import type { TranslationProvider } from '@zmp-manual/mdx-translator';
import type { SolutionConfig } from '../pipeline.types';
import { solutionPrefix } from './load-settings';
import { SettingsError } from './settings-error';
import type { PipelineSettings } from './settings.types';

/**
 * The Notion client `runPublish` / `runExport` take: `retry: false` (the exporter's limiter and retry policy
 * handle every attempt) and `NOTION_BASE_URL` when set.
 */
export function createNotionClient(settings: PipelineSettings, options: { logger?: Logger } = {}): Client {
  return new Client({
    auth: settings.notion.token,
    retry: false,
    ...(settings.notion.baseUrl === null ? {} : { baseUrl: settings.notion.baseUrl }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
}

/** The translation provider of `TRANSLATION_PROVIDER`: OpenAI-compatible (key, base URL, model) or pseudo. */
export function createProvider(settings: Pick<PipelineSettings, 'translation'>): TranslationProvider {
  const { provider, openai } = settings.translation;
  if (provider === 'pseudo') return createPseudoProvider();
  if (openai.apiKey === null) throw new SettingsError('OPENAI_API_KEY', 'OPENAI_API_KEY is required when TRANSLATION_PROVIDER is openai');
  return createOpenAIProvider({ apiKey: openai.apiKey, model: openai.model, ...(openai.baseUrl === null ? {} : { baseURL: openai.baseUrl }) });
}

/**
 * The `SolutionConfig` of a configured solution for `runPublish`: its root page, repository (with
 * `GITHUB_TOKEN` as auth) and layout. A solution that is not configured, or has no repository URL, is a
 * `SettingsError` naming the variable to set.
 */
export function solutionConfig(settings: PipelineSettings, id: string): SolutionConfig {
  const solution = settings.solutions.find((candidate) => candidate.id === id);
  const prefix = solutionPrefix(id);
  if (solution === undefined) throw new SettingsError(`${prefix}_ROOT_PAGE_ID`, `Solution ${id} is not configured: set ${prefix}_ROOT_PAGE_ID (and list it in SOLUTIONS)`);
  if (solution.repository === null) throw new SettingsError('GITHUB_REPO_URL', `Solution ${id} has no repository: set GITHUB_REPO_URL or ${prefix}_REPO_URL`);
  return {
    id: solution.id,
    rootPageId: solution.rootPageId,
    layout: solution.layout,
    repository: { ...solution.repository, ...(settings.git.token === null ? {} : { auth: { token: settings.git.token } }) },
  };
}
