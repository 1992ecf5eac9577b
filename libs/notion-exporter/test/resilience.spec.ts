import { Client } from '@notionhq/client';
import { exportTree, NotionExportError } from '../src';
import type { ExportResult } from '../src';
import { DEMO_IDS } from '@zmp-manual/notion-emulator';
import { startDemo } from './support/demo-emulator';
import type { DemoSetup } from './support/demo-emulator';

async function failure(promise: Promise<unknown>): Promise<NotionExportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NotionExportError) return error;
    throw error;
  }
  throw new Error('expected the export to fail');
}

describe('resilience: 429 storms, server errors, typed errors, abort', () => {
  let demo: DemoSetup;
  let clean: ExportResult;
  const root = () => demo.emulator.workspace.rootPageId;

  beforeAll(async () => {
    demo = await startDemo();
    clean = await exportTree({ client: demo.client, rootPageId: root(), rateLimit: false });
  });
  afterAll(() => demo.emulator.stop());
  afterEach(() => {
    demo.emulator.setRateLimit(false);
    demo.emulator.setFaults({});
    demo.emulator.resetStats();
  });

  it('ends a 429 storm with injected 500/502/503s in a complete, byte-identical export', async () => {
    // A storm: Notion allows 2 requests at once and 5/s while the exporter sends without a limit, so
    // 429s with Retry-After are certain; the storm ends after 3 pages (to keep the test short). 15 % of
    // requests fail with 500/502/503 all along.
    demo.emulator.setRateLimit({ requestsPerSecond: 5, burst: 2 });
    demo.emulator.setFaults({ rate: 0.15, seed: 11 });
    const stormy = await exportTree({
      client: demo.client,
      rootPageId: root(),
      rateLimit: false,
      retry: { initialDelayMs: 5, maxDelayMs: 20 },
      onProgress: (p) => {
        if (p.pagesDone === 3) demo.emulator.setRateLimit(false);
      },
    });
    const stats = demo.emulator.stats();
    expect(stats.rate_limited).toBeGreaterThan(0);
    expect(stats.faults_injected).toBeGreaterThan(0);
    expect(stormy.stats.rateLimited).toBe(stats.rate_limited);
    expect(stormy.stats.retries).toBe(stats.rate_limited + stats.faults_injected);
    expect(stormy.documents.map((d) => [d.relativePath, d.mdx])).toEqual(clean.documents.map((d) => [d.relativePath, d.mdx]));
    expect(stormy.assets.map((a) => a.sha256)).toEqual(clean.assets.map((a) => a.sha256));
  });

  it('gives up with rate_limited when Notion asks to wait longer than allowed', async () => {
    demo.emulator.setRateLimit({ requestsPerSecond: 0.01, burst: 1 });
    const error = await failure(exportTree({ client: demo.client, rootPageId: root(), rateLimit: false }));
    expect(error.code).toBe('rate_limited');
    expect(error.toJSON()).toMatchObject({ code: 'rate_limited', status: 429, notionCode: 'rate_limited', attempts: 1 });
  });

  it('gives up with notion_api_error after the retries are spent on server errors', async () => {
    demo.emulator.setFaults({ next: [503, 502, 500] });
    const error = await failure(exportTree({ client: demo.client, rootPageId: root(), rateLimit: false, retry: { maxRetries: 2, initialDelayMs: 1 } }));
    expect(error.toJSON()).toMatchObject({ code: 'notion_api_error', status: 500, operation: 'pages.retrieve', attempts: 3 });
    expect(demo.emulator.stats().total).toBe(3);
  });

  it('refuses a malformed page id before calling Notion', async () => {
    const error = await failure(exportTree({ client: demo.client, rootPageId: 'not a page', rateLimit: false }));
    expect(error.code).toBe('invalid_page_id');
    expect(demo.emulator.stats().total).toBe(0);
  });

  it('refuses invalid options with invalid_options before calling Notion', async () => {
    for (const bad of [{ concurrency: 0 }, { assetConcurrency: 1.5 }, { rateLimit: { requestsPerSecond: -1 } }]) {
      const error = await failure(exportTree({ client: demo.client, rootPageId: root(), rateLimit: false, ...bad }));
      expect(error.code).toBe('invalid_options');
    }
    expect(demo.emulator.stats().total).toBe(0);
  });

  it('maps Notion answers to typed errors: database id, unknown page, bad token', async () => {
    expect((await failure(exportTree({ client: demo.client, rootPageId: DEMO_IDS.releasesDatabase, rateLimit: false }))).code).toBe('invalid_page_id');
    const missing = await failure(exportTree({ client: demo.client, rootPageId: '0000000000004000800000000000dead', rateLimit: false }));
    expect(missing.toJSON()).toMatchObject({ code: 'page_not_found', status: 404, pageId: '00000000-0000-4000-8000-00000000dead' });
    const stranger = new Client({ auth: 'secret_wrong', baseUrl: demo.emulator.url, retry: false, logger: () => undefined });
    expect((await failure(exportTree({ client: stranger, rootPageId: root(), rateLimit: false }))).code).toBe('unauthorized');
  });

  it('stops between calls when the signal aborts', async () => {
    const controller = new AbortController();
    let callsAtAbort = 0;
    const error = await failure(
      exportTree({
        client: demo.client,
        rootPageId: root(),
        rateLimit: false,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.pagesDone === 3 && !controller.signal.aborted) {
            callsAtAbort = demo.emulator.stats().total;
            controller.abort();
          }
        },
      }),
    );
    expect(error.code).toBe('aborted');
    // Requests already on the wire may finish; no new one starts (4 pages are fetched at a time).
    expect(demo.emulator.stats().total - callsAtAbort).toBeLessThanOrEqual(4);
    expect(demo.emulator.stats().total).toBeLessThan(clean.stats.apiCallsTotal);
  });
});
