export { exportProgress, translationProgress } from './progress';
export type { Progress } from './progress';
export { PIPELINE_STEPS } from './pipeline.types';
export type {
  PipelineCounters,
  PipelineFailureReason,
  PipelineGitOptions,
  PipelineLogger,
  PipelineReporter,
  PipelineStep,
  PipelineTranslationOptions,
  PipelineUpdate,
  PublishRequest,
  PublishResult,
  RunPublishOptions,
  SolutionConfig,
} from './pipeline.types';
export { runPublish } from './run-publish';
export { runExport } from './run-export';
export { runTranslate } from './run-translate';
export type { RunExportOptions, RunTranslateOptions, SiteRunResult, SiteSolutionConfig } from './site-runs.types';
export { PipelineError } from './errors/pipeline-error';
export type { PipelineErrorDetails, PipelineErrorJson } from './errors/pipeline-error';
export { maskSecrets } from './errors/secret-mask';
export { canonicalLanguageTag } from './translate/language-tag';
export { loadSettings } from './settings/load-settings';
export { redactSettings } from './settings/redact-settings';
export { createNotionClient, createProvider, solutionConfig } from './settings/settings-clients';
export { SETTINGS_ENV_VARS } from './settings/env-vars';
export type { SettingsEnvVar } from './settings/env-vars';
export { SettingsError } from './settings/settings-error';
export type {
  LoadedSettings,
  LoadSettingsOptions,
  NotionSettings,
  PipelineSettings,
  SettingsPart,
  SettingsWithoutNotion,
  SolutionSettings,
} from './settings/settings.types';
