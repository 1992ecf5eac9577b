import type { WorkerConfig } from '../worker.tokens';

/** Every secret value in the configuration (tokens, keys): masked wherever text leaves the process. */
export function workerSecrets(config: WorkerConfig): string[] {
  const { pipeline } = config;
  return [config.callbacks.secret, pipeline.notion.token, pipeline.git.token, pipeline.translation.openai.apiKey].filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
}
