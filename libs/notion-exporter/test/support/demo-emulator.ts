import { Client } from '@notionhq/client';
import { buildDemoWorkspace, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator, NotionEmulatorOptions } from '@zmp-manual/notion-emulator';

export interface DemoSetup {
  emulator: NotionEmulator;
  client: Client;
  /** Every URL the Notion client requested, in order (the client's own fetch, wrapped). */
  requests: string[];
}

/**
 * The demo workspace served by the emulator, and a real @notionhq/client pointed at it with its own
 * retries off, so every attempt goes through the exporter's limiter and retry policy.
 */
export async function startDemo(options: Partial<NotionEmulatorOptions> = {}): Promise<DemoSetup> {
  const emulator = await startNotionEmulator({ workspace: buildDemoWorkspace(), rateLimit: false, ...options });
  const requests: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return fetch(input, init);
  };
  // The client logs every failed request; the failures here are on purpose.
  const client = new Client({ auth: emulator.token, baseUrl: emulator.url, retry: false, fetch: countingFetch, logger: () => undefined });
  return { emulator, client, requests };
}

/** Requests by endpoint, as the emulator counts them. */
export function childrenCalls(emulator: NotionEmulator): number {
  return emulator.stats().by_endpoint['GET /v1/blocks/{id}/children'] ?? 0;
}
