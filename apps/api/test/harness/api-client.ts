import request from 'supertest';
import type { Response } from 'supertest';

export interface CallOptions {
  /** `Authorization: Bearer <token>`. */
  token?: string;
  body?: unknown;
  /** Sent as is (a raw string body with its own content type, for instance). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
}

/**
 * supertest against the running API's URL. Every answer's text is kept, so the suite can check that no
 * secret ever left the process in a body.
 */
export class ApiClient {
  readonly bodies: string[] = [];
  /** Every request made through this client and its status, in order. */
  readonly calls: Array<{ method: string; path: string; status: number }> = [];

  constructor(readonly baseUrl: string) {}

  get(path: string, options: CallOptions = {}): Promise<Response> {
    return this.call('get', path, options);
  }

  post(path: string, options: CallOptions = {}): Promise<Response> {
    return this.call('post', path, options);
  }

  /** Records text seen elsewhere (SSE streams, downloads) for the secret check. */
  record(text: string): void {
    this.bodies.push(text);
  }

  private async call(method: 'get' | 'post', path: string, options: CallOptions): Promise<Response> {
    let test = request(this.baseUrl)[method](path);
    if (options.token !== undefined) test = test.set('Authorization', `Bearer ${options.token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) test = test.set(name, value);
    if (options.query) test = test.query(options.query);
    if (options.raw !== undefined) test = test.send(options.raw);
    else if (options.body !== undefined) test = test.send(options.body as object);
    const response = await test;
    this.bodies.push(response.text ?? '');
    this.calls.push({ method: method.toUpperCase(), path, status: response.status });
    return response;
  }
}

/** `{detail, error_id}`: FastAPI's error shape plus the error id every error body of ours carries. */
export const errorBody = (detail: string | RegExp) => ({ detail: typeof detail === 'string' ? detail : expect.stringMatching(detail), error_id: expect.any(String) });
