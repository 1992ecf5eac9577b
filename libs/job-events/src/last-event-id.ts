/** Where a reconnecting SSE client says how far it got. */
export interface LastEventIdSource {
  /** Request headers (any case; Node lower-cases them). */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The request URL (absolute, or a path with a query string) … */
  url?: string | URL;
  /** … or its parsed query. */
  query?: Readonly<Record<string, unknown>>;
}

const first = (value: unknown): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/**
 * The `Last-Event-ID` header, else the `last_event_id` query parameter (for clients that cannot set a
 * header, such as a fresh native EventSource). `undefined` when neither is present or both are blank.
 */
export function lastEventIdFrom(source: LastEventIdSource): string | undefined {
  for (const [name, value] of Object.entries(source.headers ?? {})) {
    if (name.toLowerCase() === 'last-event-id' && first(value)) return first(value);
  }
  const fromQuery = first(source.query?.['last_event_id']);
  if (fromQuery) return fromQuery;
  if (source.url === undefined) return undefined;
  const url = typeof source.url === 'string' ? new URL(source.url, 'http://localhost') : source.url;
  return first(url.searchParams.get('last_event_id') ?? undefined);
}
