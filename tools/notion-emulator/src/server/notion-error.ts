import { randomUUID } from 'node:crypto';

/** Error codes the real Notion API answers with (a subset: the ones the emulator produces). */
export type NotionErrorCode =
  | 'unauthorized'
  | 'missing_version'
  | 'validation_error'
  | 'invalid_request_url'
  | 'object_not_found'
  | 'rate_limited'
  | 'internal_server_error'
  | 'bad_gateway'
  | 'service_unavailable'
  | 'gateway_timeout';

/** An error answered as Notion's error JSON: `{object: "error", status, code, message, request_id}`. */
export class NotionError extends Error {
  constructor(
    readonly status: number,
    readonly code: NotionErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'NotionError';
  }

  toJSON(): Record<string, unknown> {
    return { object: 'error', status: this.status, code: this.code, message: this.message, request_id: randomUUID() };
  }
}

export function notFound(kind: string, id: string): NotionError {
  return new NotionError(
    404,
    'object_not_found',
    `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

export function validationError(message: string): NotionError {
  return new NotionError(400, 'validation_error', message);
}

/**
 * Emulator options refused (fault rate, rate limit, …): the message says what to fix. A `RangeError`, so
 * `startNotionEmulator` callers see what they always saw; the control endpoints answer it as a 400.
 */
export class OptionsError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'OptionsError';
  }
}
