/** The closed set of reasons an export stops. */
export type ExportErrorCode =
  | 'invalid_page_id'
  | 'unauthorized'
  | 'no_access'
  | 'page_not_found'
  | 'rate_limited'
  | 'aborted'
  | 'invalid_manifest'
  | 'invalid_options'
  | 'notion_api_error';

export interface ExportErrorDetails {
  /** The page (or block) the failing call was about, when known. */
  pageId?: string;
  /** HTTP status Notion answered with, when there was an answer. */
  status?: number;
  /** Notion's own error code (`object_not_found`, `rate_limited`, …), when there was one. */
  notionCode?: string;
  /** The API operation, e.g. `blocks.children.list`. */
  operation?: string;
  /** Attempts made before giving up (retries included). */
  attempts?: number;
}

/** The only error class the exporter throws. `code` is narrow and stable: map it, do not parse `message`. */
export class NotionExportError extends Error {
  readonly pageId?: string;
  readonly status?: number;
  readonly notionCode?: string;
  readonly operation?: string;
  readonly attempts?: number;

  constructor(
    readonly code: ExportErrorCode,
    message: string,
    details: ExportErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NotionExportError';
    this.pageId = details.pageId;
    this.status = details.status;
    this.notionCode = details.notionCode;
    this.operation = details.operation;
    this.attempts = details.attempts;
  }

  toJSON(): { name: string; code: ExportErrorCode; message: string } & ExportErrorDetails {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      pageId: this.pageId,
      status: this.status,
      notionCode: this.notionCode,
      operation: this.operation,
      attempts: this.attempts,
    };
  }
}

export function abortedError(signal: AbortSignal | undefined): NotionExportError {
  return new NotionExportError('aborted', 'The export was aborted.', {}, { cause: signal?.reason });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal);
}
