/**
 * The contract of the publish pipeline (docs/decisions/0004-publish-pipeline-and-worker.md). The worker and
 * the CLI program against these types; the implementation lives beside them.
 */
import type { Client } from '@notionhq/client';
import type { RateLimiter, RateLimitOptions } from '@zmp-manual/notion-exporter';
import type { Glossary, TranslationMemoryStore, TranslationProvider } from '@zmp-manual/mdx-translator';
import type { CommitAuthor, RepositoryAuth, RepositoryLock } from '@zmp-manual/git-publisher';
import type { HttpClient } from 'isomorphic-git';
import type { Progress } from './progress';

/** The working steps, in order (wire values of the job state). `cloning` and `pulling` are alternatives. */
export const PIPELINE_STEPS = [
  'checking_repo',
  'cloning',
  'pulling',
  'exporting',
  'export_commit',
  'translating',
  'translation_commit',
  'pushing',
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** The original service's failure reasons plus `invalid_page_id` and `cancelled`. */
export type PipelineFailureReason =
  | 'repository_access_failed'
  | 'export_failed'
  | 'translation_failed'
  | 'git_operation_failed'
  | 'invalid_page_id'
  | 'cancelled'
  | 'unknown_error';

export interface PipelineCounters {
  pages: number;
  assets: number;
  segments: number;
  tokens: number;
  cache_hits: number;
}

/**
 * One report from the pipeline. Every field is optional; `status` is the step the job is in. Progress values
 * are absolute (the original's formula, see progress.ts) and never decrease within one run.
 */
export interface PipelineUpdate extends Partial<Progress> {
  status?: PipelineStep;
  message?: string;
  /** The original's `export_files`: files under the exported path, `_category_.json` included. */
  export_files?: number;
  counters?: Partial<PipelineCounters>;
  commits?: { export?: string; translation?: string };
  /** Lines appended to the job's log. */
  log?: string[];
}

/** Where the pipeline reports. Calls are awaited one after the other, in order. */
export interface PipelineReporter {
  report(update: PipelineUpdate): Promise<void>;
}

/** A solution: which Notion tree goes to which repository, and how the site is laid out. */
export interface SolutionConfig {
  /** `zcp`, `apim`, …: names `docs/<id>` and `static/img/<id>`. */
  id: string;
  /** The solution's root Notion page (dashed or not). */
  rootPageId: string;
  repository: {
    /** `https://host/org/site.git`, without credentials. */
    url: string;
    branch: string;
    /** Handed to git-publisher (through `onAuth` only). */
    auth?: RepositoryAuth;
  };
  /** `single` (default) or `per-solution` (the original's layout). */
  layout?: 'single' | 'per-solution';
  /** Source language of the Notion pages (default `en`). */
  sourceLanguage?: string;
}

/** What to publish (the queue payload, in camelCase). */
export interface PublishRequest {
  jobId: string;
  solution: string;
  /** The page to publish, dashed or not; validated (→ `invalid_page_id`). */
  pageId: string;
  /** Publish the page's whole subtree (a directory page). */
  isDirectory: boolean;
  /** BCP-47 codes; may be empty (no translation). */
  targetLanguages: readonly string[];
  title?: string | null;
  initiatedBy?: string | null;
}

export interface PipelineTranslationOptions {
  provider: TranslationProvider;
  memory?: TranslationMemoryStore;
  glossary?: Glossary;
  /** `MAX_CONCURRENT_REQUESTS` (default 5). */
  maxConcurrentRequests?: number;
  /** `MAX_CHUNK_SIZE` in tokens (default 2000). */
  maxChunkTokens?: number;
}

export interface PipelineGitOptions {
  author: CommitAuthor;
  lock: RepositoryLock;
  /** Lock time-to-live, renewed while held (default 60 s). */
  lockTtlMs?: number;
  /** How long to wait for another job on the same repository + branch (default 10 min). */
  lockWaitMs?: number;
  /** isomorphic-git HTTP client (default isomorphic-git/http/node). */
  http?: HttpClient;
}

export interface PipelineLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface RunPublishOptions {
  request: PublishRequest;
  solution: SolutionConfig;
  /** A `@notionhq/client` Client created with `retry: false`. */
  notion: Client;
  notionRateLimit?: RateLimiter | RateLimitOptions | false;
  translation: PipelineTranslationOptions;
  git: PipelineGitOptions;
  /**
   * Folder for working copies (`<dataDir>/repos/…`, one per repository + branch) and state kept between
   * runs (`<dataDir>/state/…`: the exporter manifest per solution).
   */
  dataDir: string;
  reporter: PipelineReporter;
  signal?: AbortSignal;
  logger?: PipelineLogger;
  /**
   * Secret values masked (`***`) in every message, log line and error of the run: the Notion token and the
   * translation provider's key, which the pipeline never sees (it gets a client and a provider). The
   * repository's own `auth` secret is always masked.
   */
  secrets?: readonly string[];
  /** Also build the zip of the solution's generated files (default false). */
  artifact?: boolean;
  /**
   * Overwrite files at the solution's output paths that docusaurus-writer did not write (a site the original
   * service wrote, once, to take it over). Default false: such a file fails the run (`export_failed`,
   * code `foreign_file`) before anything is written.
   */
  replaceForeignFiles?: boolean;
}

export interface PublishResult {
  commits: { export: string | null; translation: string | null };
  /** Whether anything was pushed (false when the remote already had this tree). */
  pushed: boolean;
  /** The remote branch tip afterwards. */
  head: string | null;
  counters: PipelineCounters;
  /** Files written, changed and removed in the working copy, relative to it. */
  files: { created: string[]; changed: string[]; removed: string[] };
  /** The zip when `artifact` was asked for. */
  artifact: { bytes: Uint8Array; sha256: string } | null;
  warnings: string[];
}
