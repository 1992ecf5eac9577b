/**
 * An error a controller or service raises on purpose: the exception filter sends `status` with
 * `{"detail": detail}` (FastAPI's shape, as the original). `detail` tells the caller what to fix.
 * Domain errors of the libraries (`code` fields) are mapped in errors/error-status.table.ts instead.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** A narrow code for logs and metrics (`job_not_found`, `forbidden`). */
    readonly code = `http_${status}`,
    /** Extra response headers (`Retry-After`, `WWW-Authenticate`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  static badRequest(detail: string, code = 'bad_request') {
    return new ApiError(400, detail, code);
  }
  static unauthorized(detail: string, code = 'unauthorized') {
    return new ApiError(401, detail, code, { 'WWW-Authenticate': 'Bearer' });
  }
  static forbidden(detail: string, code = 'forbidden') {
    return new ApiError(403, detail, code);
  }
  static notFound(detail: string, code = 'not_found') {
    return new ApiError(404, detail, code);
  }
  static conflict(detail: string, code = 'conflict') {
    return new ApiError(409, detail, code);
  }
  static gone(detail: string, code = 'gone') {
    return new ApiError(410, detail, code);
  }
  static tooMany(detail: string, retryAfterSeconds: number, code = 'too_many_requests') {
    return new ApiError(429, detail, code, { 'Retry-After': String(retryAfterSeconds) });
  }
  static unavailable(detail: string, code = 'unavailable') {
    return new ApiError(503, detail, code);
  }
}

/** One FastAPI-style validation problem: `loc` = where (`["body","target_languages",1]`), `msg` = what to fix. */
export interface ValidationIssue {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

/** 422 `{"detail": [ValidationIssue, …]}`, as FastAPI answers a request that does not fit the model. */
export class ValidationError extends Error {
  readonly status = 422;
  readonly code = 'validation_failed';

  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; '));
    this.name = 'ValidationError';
  }
}
