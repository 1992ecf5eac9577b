/**
 * Options and results of `runExport` and `runTranslate`: the pipeline's steps against a Docusaurus site
 * folder, without git (the CLI's `export` and `translate` commands). Same reporter port, same errors.
 */
import type { Client } from '@notionhq/client';
import type { SiteLayoutName } from '@zmp-manual/docusaurus-writer';
import type { RateLimiter, RateLimitOptions } from '@zmp-manual/notion-exporter';
import type { PipelineCounters, PipelineLogger, PipelineReporter, PipelineTranslationOptions } from './pipeline.types';

/** A solution as a site sees it: no repository. */
export interface SiteSolutionConfig {
  /** `zcp`, `apim`, …: names `docs/<id>` and `static/img/<id>`. */
  id: string;
  /** `single` (default) or `per-solution`. */
  layout?: SiteLayoutName;
  /** Source language of the pages (default `en`). */
  sourceLanguage?: string;
}

export interface RunExportOptions {
  /** The Docusaurus site folder; it must exist. */
  siteDir: string;
  solution: SiteSolutionConfig & {
    /** The solution's root Notion page (dashed or not): the export always covers its whole tree. */
    rootPageId: string;
  };
  /** The page to write (dashed or not); default the root page, i.e. the whole solution. */
  pageId?: string;
  /** Write the page's whole subtree (default false; the root page always means everything). */
  isDirectory?: boolean;
  /** A `@notionhq/client` Client created with `retry: false`. */
  notion: Client;
  notionRateLimit?: RateLimiter | RateLimitOptions | false;
  /**
   * Folder for the exporter manifest kept between runs (incremental exports: an unchanged page costs one
   * request). Default none: every run is a full export and nothing is stored.
   */
  stateDir?: string;
  /** Overwrite files the writer did not write at its output paths (default false: `export_failed`, `foreign_file`). */
  replaceForeignFiles?: boolean;
  reporter: PipelineReporter;
  signal?: AbortSignal;
  logger?: PipelineLogger;
  /** Secret values (the Notion token, the provider's key) masked (`***`) in every message, log line and error. */
  secrets?: readonly string[];
}

export interface RunTranslateOptions {
  /** The site folder holding the solution's pages written by `runExport` / `runPublish` (through the writer's manifest). */
  siteDir: string;
  solution: SiteSolutionConfig;
  /** Canonical BCP-47 tags (`ko`, `pt-BR`); the source language is skipped. */
  languages: readonly string[];
  /** The page to translate (dashed or not); default every page of the solution. */
  pageId?: string;
  /** Translate the page's whole subtree (the pages under its folder in the site). */
  isDirectory?: boolean;
  translation: PipelineTranslationOptions;
  reporter: PipelineReporter;
  signal?: AbortSignal;
  logger?: PipelineLogger;
  /** Secret values (the Notion token, the provider's key) masked (`***`) in every message, log line and error. */
  secrets?: readonly string[];
}

/** What `runExport` / `runTranslate` did to the site. */
export interface SiteRunResult {
  counters: PipelineCounters;
  /** Files created, changed and removed in the site, relative to it, sorted. */
  files: { created: string[]; changed: string[]; removed: string[] };
  /** The original's `export_files` for an export (files under the exported path); 0 for a translation. */
  exportFiles: number;
  warnings: string[];
}
