import type { CallbackDelivery, JobRecord } from './job-record';

/** What `JobStore.recordCallback` takes: a delivery attempt; `at` defaults to the store's clock. */
export type CallbackDeliveryInput = Omit<CallbackDelivery, 'at'> & { at?: string };

/**
 * `scheme://user:password@host/…` → `scheme://host/…`: the rest of the URL stays exactly as given. Only the
 * authority's userinfo goes (up to its last `@`, before the first `/`, `?` or `#`).
 */
export function withoutUserinfo(url: string): string {
  return url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#]*@/, '$1');
}

/**
 * The record with one more callback delivery, the oldest dropping off past `limit`. The state and every
 * wire field stay as they are, so this is allowed on a terminal job (the transition table is not involved).
 */
export function withCallbackDelivery(record: JobRecord, input: CallbackDeliveryInput, now: string, limit: number): JobRecord {
  const delivery: CallbackDelivery = {
    url: withoutUserinfo(input.url),
    attempt: input.attempt,
    at: input.at ?? now,
    status_code: input.status_code,
    ok: input.ok,
    error: input.error,
    duration_ms: Math.max(0, Math.round(input.duration_ms)),
    webhook_id: input.webhook_id,
  };
  return { ...record, updated_at: now, callbacks: [...(record.callbacks ?? []), delivery].slice(-limit) };
}
