/**
 * The library's closed set of errors. Each has a narrow string `code`, structured fields and `toJSON()`,
 * so a caller maps codes (not messages) to its own statuses.
 */

/** Why a translation call was refused before or while it ran. */
export type TranslatorErrorCode = 'invalid_mdx' | 'invalid_language' | 'invalid_options' | 'aborted';

export class TranslatorError extends Error {
  constructor(
    readonly code: TranslatorErrorCode,
    message: string,
    /** The file the error is about, when known (translateFiles). */
    readonly file?: string,
    /** Where in the source (1-based), for `invalid_mdx`. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TranslatorError';
  }

  toJSON(): { name: string; code: TranslatorErrorCode; message: string; file?: string; line?: number; column?: number } {
    return { name: this.name, code: this.code, message: this.message, file: this.file, line: this.line, column: this.column };
  }
}

/** What went wrong talking to the model. */
export type ProviderErrorCode =
  | 'rate_limited'
  | 'server_error'
  | 'network_error'
  | 'insufficient_quota'
  | 'authentication_failed'
  | 'model_not_found'
  | 'request_rejected'
  | 'truncated'
  | 'refusal'
  | 'content_filter'
  | 'invalid_response'
  | 'aborted';

/** Codes after which no other request can succeed: the whole run stops. */
const FATAL_CODES: ReadonlySet<ProviderErrorCode> = new Set(['insufficient_quota', 'authentication_failed', 'model_not_found', 'aborted']);

export interface ProviderErrorFields {
  status?: number;
  requestId?: string;
  /** Tokens billed for an answer that could not be used (a truncated or refused one). */
  promptTokens?: number;
  completionTokens?: number;
}

export class ProviderError extends Error {
  readonly status?: number;
  readonly requestId?: string;
  readonly promptTokens: number;
  readonly completionTokens: number;

  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    fields: ProviderErrorFields = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.status = fields.status;
    this.requestId = fields.requestId;
    this.promptTokens = fields.promptTokens ?? 0;
    this.completionTokens = fields.completionTokens ?? 0;
  }

  /** True when retrying (this or any other segment) cannot help: the run stops with this error. */
  get fatal(): boolean {
    return FATAL_CODES.has(this.code);
  }

  toJSON(): { name: string; code: ProviderErrorCode; message: string; fatal: boolean; status?: number; requestId?: string } {
    return { name: this.name, code: this.code, message: this.message, fatal: this.fatal, status: this.status, requestId: this.requestId };
  }
}

export type MemoryStoreErrorCode = 'memory_unreadable' | 'memory_write_failed';

export class MemoryStoreError extends Error {
  constructor(
    readonly code: MemoryStoreErrorCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'MemoryStoreError';
  }

  toJSON(): { name: string; code: MemoryStoreErrorCode; message: string; path: string } {
    return { name: this.name, code: this.code, message: this.message, path: this.path };
  }
}
