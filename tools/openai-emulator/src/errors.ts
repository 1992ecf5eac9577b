/** OpenAI's error envelope, as the official clients parse it. */
export interface OpenAIErrorBody {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | null;
  };
}

/** An HTTP answer with OpenAI's error envelope; thrown by handlers, written by the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    message: string,
    fields: { type?: string; param?: string | null; code?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = fields.type ?? 'invalid_request_error';
    this.param = fields.param ?? null;
    this.code = fields.code ?? null;
    this.headers = fields.headers ?? {};
  }

  toJSON(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export function missingApiKey(): ApiError {
  return new ApiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    { code: 'invalid_api_key' },
  );
}

export function invalidApiKey(key: string): ApiError {
  const shown = key.length > 8 ? `${key.slice(0, 4)}${'*'.repeat(key.length - 8)}${key.slice(-4)}` : '****';
  return new ApiError(401, `Incorrect API key provided: ${shown}.`, { code: 'invalid_api_key' });
}

export function invalidRequest(message: string, param: string | null = null, code: string | null = null): ApiError {
  return new ApiError(400, message, { param, code });
}

export function invalidJsonBody(): ApiError {
  return new ApiError(
    400,
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
  );
}

export function bodyTooLarge(limit: number): ApiError {
  return new ApiError(413, `The request body is larger than ${limit} bytes.`);
}

export function invalidUrl(method: string, path: string): ApiError {
  return new ApiError(404, `Invalid URL (${method} ${path})`);
}

export function modelNotFound(model: string): ApiError {
  return new ApiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, {
    code: 'model_not_found',
  });
}

/** Requests per minute the emulator claims in its `x-ratelimit-limit-requests` header. */
export const RATE_LIMIT_REQUESTS = 500;

/** A duration the way OpenAI writes `x-ratelimit-reset-*`: `20ms`, `1s`, `1.5s`, `6m0s`, `1h2m3s`. */
export function formatResetDuration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = Math.round((seconds % 60) * 1000) / 1000;
  if (hours > 0) return `${hours}h${minutes}m${rest}s`;
  if (minutes > 0) return `${minutes}m${rest}s`;
  return `${rest}s`;
}

export function rateLimited(model: string, retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    `Rate limit reached for ${model} (emulator fault switch). Please try again in ${retryAfterSeconds}s.`,
    {
      type: 'requests',
      code: 'rate_limit_exceeded',
      headers: {
        'retry-after': String(retryAfterSeconds),
        'retry-after-ms': String(Math.round(retryAfterSeconds * 1000)),
        'x-ratelimit-limit-requests': String(RATE_LIMIT_REQUESTS),
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': formatResetDuration(retryAfterSeconds),
      },
    },
  );
}

/** 429 that retrying does not cure: no `retry-after`, like OpenAI's answer to an account out of credit. */
export function insufficientQuota(): ApiError {
  return new ApiError(429, 'You exceeded your current quota, please check your plan and billing details.', {
    type: 'insufficient_quota',
    code: 'insufficient_quota',
  });
}

export function serverError(): ApiError {
  return new ApiError(500, 'The server had an error while processing your request. Sorry about that!', {
    type: 'server_error',
  });
}
