import type { INestApplication } from '@nestjs/common';
import { json, raw } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { ApiConfig } from '../api.tokens';
import { ApiError } from '../errors/api-error';

/** What body-parser's errors carry besides the message (http-errors). */
interface BodyParserError extends Error {
  type?: string;
  status?: number;
  expose?: boolean;
}

/**
 * A body-parser error as the API answers it: malformed JSON → 400 `Malformed JSON body: <parser message>`,
 * too large → 413 `Request body is larger than <N> bytes`, another client-side problem (unsupported charset or
 * encoding, an aborted upload) → its own 4xx and message. Anything else is left as it is (a 500).
 */
export function bodyParserError(error: unknown, limitBytes: number): unknown {
  if (!(error instanceof Error)) return error;
  const { type, status, expose } = error as BodyParserError;
  if (type === 'entity.parse.failed') return ApiError.badRequest(`Malformed JSON body: ${error.message}`, 'malformed_json');
  if (type === 'entity.too.large') return new ApiError(413, `Request body is larger than ${limitBytes} bytes`, 'body_too_large');
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) return new ApiError(status, error.message, 'unreadable_body');
  return error;
}

/**
 * The request body parsers (Nest's own are off: `bodyParser: false`). The Notion webhooks get the exact bytes
 * (`req.body` is a Buffer) because their HMAC is computed over them; every other route gets JSON. Both stop at
 * `BODY_LIMIT_BYTES`. Parser errors go on to Nest's error handler as `ApiError`s, so the exception filter
 * answers them like any other error (with an `error_id`).
 */
export function installBodyParsers(app: INestApplication, config: ApiConfig): void {
  const limit = config.bodyLimitBytes;
  app.use(`${config.appRoot}/webhook/notion`, raw({ type: '*/*', limit }));
  app.use(json({ limit }));
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => next(bodyParserError(error, limit)));
}
