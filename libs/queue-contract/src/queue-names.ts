/**
 * The Bull queues and job names the API and the worker agree on. The API only adds jobs; the worker registers
 * the processors (an app that registers a processor consumes jobs: keep processors out of the API).
 */
export const PUBLISH_QUEUE = 'publish';
export const MAINTENANCE_QUEUE = 'maintenance';
export const RETENTION_JOB = 'retention';
export const NOTION_REFRESH_JOB = 'notion-refresh';
export const CALLBACK_JOB = 'callback';

/**
 * Bull's key prefix for a `REDIS_KEY_PREFIX`: `zmp:` → `zmp:bull` (Bull adds its own `:`), so the queues of two
 * environments or test runs with different prefixes never meet. Every process of one environment uses the same.
 */
export function bullPrefix(keyPrefix: string): string {
  return `${keyPrefix}bull`;
}
