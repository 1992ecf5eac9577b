import { APIResponseError, Client, LogLevel } from '@notionhq/client';
import type { NotionEmulator } from './notion-emulator';

/** Test helpers shared by the specs that talk to a running emulator. Not part of the package's API. */

/** The real @notionhq/client, pointed at the emulator. */
export const clientFor = (
  emu: NotionEmulator,
  retry: false | { maxRetries: number } = false,
  auth = emu.token,
  notionVersion?: string,
) =>
  new Client({
    auth,
    baseUrl: emu.url,
    notionVersion,
    logLevel: LogLevel.ERROR,
    retry: retry === false ? false : { ...retry, initialRetryDelayMs: 10, maxRetryDelayMs: 2000 },
  });

/** The client's error for a request that must fail. */
export async function apiError(promise: Promise<unknown>): Promise<APIResponseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof APIResponseError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

/** A raw request with the emulator's token and the Notion-Version the client sends. */
export function rawApi(emu: NotionEmulator, path: string, init: { method?: string; body?: unknown; version?: string } = {}) {
  return fetch(`${emu.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${emu.token}`,
      'notion-version': init.version ?? Client.defaultNotionVersion,
      'content-type': 'application/json',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** POSTs JSON to a control endpoint (`/__…`). */
export function control(emu: NotionEmulator, path: string, body?: unknown) {
  return fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface ErrorBody {
  object: string;
  status: number;
  code: string;
  message: string;
}
