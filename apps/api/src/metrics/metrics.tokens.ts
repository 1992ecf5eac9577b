/** The API's own prom-client `Registry` (default process metrics + ours), never prom-client's global one. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Every metric of the API starts with this. */
export const METRICS_PREFIX = 'zmp_api_';

/** Publish jobs run from seconds (nothing changed) to an hour (a first translation of a big manual): the worker's buckets. */
export const JOB_DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/** HTTP answers take milliseconds; an SSE stream is observed when it closes, so the last buckets are long. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
