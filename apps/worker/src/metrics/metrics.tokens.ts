/** The worker's own prom-client `Registry` (default process metrics + ours), never the global one. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
