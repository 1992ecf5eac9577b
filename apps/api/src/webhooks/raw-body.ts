/** What a webhook request carries: the body as the raw parser left it, or Nest's `rawBody` when enabled. */
export interface RawBodyRequest {
  body?: unknown;
  rawBody?: unknown;
}

/**
 * The request body's bytes exactly as they arrived: the signature is computed over them. Bootstrap mounts
 * `express.raw()` for every content type on the webhook path, so `body` is a Buffer there; Nest's `rawBody` option is
 * the fall-back. A body a JSON parser already consumed cannot be verified: that is a wiring error (500).
 */
export function rawBodyOf(request: RawBodyRequest): Buffer {
  if (Buffer.isBuffer(request.body)) return request.body;
  if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
  if (request.body === undefined || request.body === null) return Buffer.alloc(0);
  throw new Error('The raw webhook body is not available: mount express.raw({type: "*/*"}) on the webhook path before any JSON parser');
}
