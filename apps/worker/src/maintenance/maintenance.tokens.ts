/** The `ManualsCacheStore` (job-events) the refreshes write, on the shared Redis under `REDIS_KEY_PREFIX`. */
export const MANUALS_CACHE = Symbol('MANUALS_CACHE');
