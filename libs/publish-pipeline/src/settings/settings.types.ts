import type { SiteLayoutName } from '@zmp-manual/docusaurus-writer';
import type { CommitAuthor } from '@zmp-manual/git-publisher';
import type { RateLimitOptions } from '@zmp-manual/notion-exporter';

/** One configured solution (`SOLUTIONS` entry whose `<SOL>_ROOT_PAGE_ID` is set). */
export interface SolutionSettings {
  /** Lower-case id: `zcp`. Its variables use the upper-case form with `_` for `-`: `ZCP_ROOT_PAGE_ID`. */
  id: string;
  /** `<SOL>_ROOT_PAGE_ID`, dashed. */
  rootPageId: string;
  /** `<SOL>_REPO_URL` or `GITHUB_REPO_URL`, and `<SOL>_BRANCH` or `GITHUB_BRANCH`; `null` when no URL is set. */
  repository: { url: string; branch: string } | null;
  /** `SITE_LAYOUT`. */
  layout: SiteLayoutName;
}

/** The Notion part of the settings. */
export interface NotionSettings {
  /** `NOTION_TOKEN` (secret). */
  token: string;
  /** `NOTION_BASE_URL`; `null`: Notion's own. */
  baseUrl: string | null;
  /** `NOTION_RATE_LIMIT` requests per second; `false` when set to 0. */
  rateLimit: RateLimitOptions | false;
}

/** Everything the pipeline's callers configure from the environment, parsed and checked once. */
export interface PipelineSettings {
  notion: NotionSettings;
  /** In `SOLUTIONS` order; at least one. */
  solutions: SolutionSettings[];
  git: {
    /** `GITHUB_TOKEN` (secret); `null` for a repository that needs none. */
    token: string | null;
    /** `GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL`. */
    author: CommitAuthor;
  };
  /** `SITE_LAYOUT` (also each solution's `layout`). */
  layout: SiteLayoutName;
  /** `TARGET_LANGUAGES`: canonical BCP-47 tags; empty with `none`. */
  targetLanguages: string[];
  translation: {
    /** `TRANSLATION_PROVIDER`. */
    provider: 'openai' | 'pseudo';
    openai: {
      /** `OPENAI_API_KEY` (secret). */
      apiKey: string | null;
      /** `OPENAI_BASE_URL`; `null`: OpenAI's own. */
      baseUrl: string | null;
      /** `OPENAI_MODEL`. */
      model: string;
    };
    /** `MAX_CHUNK_SIZE` (estimated tokens per request). */
    maxChunkTokens: number;
    /** `MAX_CONCURRENT_REQUESTS`. */
    maxConcurrentRequests: number;
  };
}

/**
 * The parts of the settings a caller can require (`loadSettings(env, { require })`): `notion` is
 * `NOTION_TOKEN` and at least one `<SOL>_ROOT_PAGE_ID`; `translation` is `OPENAI_API_KEY` when
 * `TRANSLATION_PROVIDER` is `openai`.
 */
export type SettingsPart = 'notion' | 'translation';

export interface LoadSettingsOptions<P extends SettingsPart = SettingsPart> {
  /** The parts that must be configured (default: every part). Variables that are set are always checked. */
  require?: readonly P[];
}

/** The settings when Notion is not required: `notion` is `null` without `NOTION_TOKEN`, `solutions` may be empty. */
export type SettingsWithoutNotion = Omit<PipelineSettings, 'notion'> & { notion: NotionSettings | null };

/** What `loadSettings(env, { require })` returns: the full settings when `notion` is required. */
export type LoadedSettings<P extends SettingsPart> = 'notion' extends P ? PipelineSettings : SettingsWithoutNotion;
