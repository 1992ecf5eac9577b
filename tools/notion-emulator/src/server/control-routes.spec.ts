import { buildDemoWorkspace } from '../fixtures/demo-workspace';
import type { EmulatorStats } from './request-stats';
import type { NotionEmulator } from './notion-emulator';
import { startNotionEmulator } from './notion-emulator';
import type { ErrorBody } from './spec-helpers';
import { apiError, clientFor, control } from './spec-helpers';

describe('control endpoints over HTTP', () => {
  const ws = buildDemoWorkspace();
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let emu: NotionEmulator;

  beforeAll(async () => {
    emu = await startNotionEmulator({ workspace: ws, rateLimit: false, now: () => clock });
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await control(emu, '/__faults', {});
    await control(emu, '/__rate-limit', { enabled: false });
  });

  it('POST /__faults queues the given failures, then serves normally', async () => {
    expect((await control(emu, '/__faults', { next: [502, 503] })).status).toBe(200);
    const notion = clientFor(emu);
    // 502 is not a Notion error code the client knows (a real one comes from Notion's edge), so only its status is checked
    await expect(notion.pages.retrieve({ page_id: ws.rootPageId })).rejects.toMatchObject({ status: 502 });
    const second = await apiError(notion.pages.retrieve({ page_id: ws.rootPageId }));
    expect([second.status, second.code]).toEqual([503, 'service_unavailable']);
    expect((await notion.pages.retrieve({ page_id: ws.rootPageId })).id).toBe(ws.rootPageId);
  });

  it('refuses a bad fault configuration with 400 validation_error and keeps the previous one', async () => {
    for (const body of [{ rate: 2 }, { rate: -0.1 }, { rate: 'often' }, { next: [404] }, { statuses: [500, 418] }, { seed: 1.5 }]) {
      const res = await control(emu, '/__faults', body);
      const error = (await res.json()) as ErrorBody;
      expect([res.status, error.code]).toEqual([400, 'validation_error']);
      expect(error.message).toMatch(/^faults\.\w+ must be /);
      expect(error.message).not.toMatch(/RangeError/);
    }
    // the refused {"rate": 2} must not have been half-applied: every request still succeeds
    const notion = clientFor(emu);
    for (let i = 0; i < 5; i++) expect((await notion.pages.retrieve({ page_id: ws.rootPageId })).id).toBe(ws.rootPageId);
  });

  it('POST /__rate-limit sets the limit, refuses a bad one with 400 and turns it off with {"enabled": false}', async () => {
    expect((await control(emu, '/__rate-limit', { requestsPerSecond: 1, burst: 1 })).status).toBe(200);
    const notion = clientFor(emu);
    await notion.pages.retrieve({ page_id: ws.rootPageId });
    const limited = await apiError(notion.pages.retrieve({ page_id: ws.rootPageId }));
    expect([limited.status, limited.code]).toEqual([429, 'rate_limited']);

    for (const body of [{ requestsPerSecond: 0, burst: 1 }, { requestsPerSecond: 3, burst: 0 }, { requestsPerSecond: '3', burst: 2 }, {}]) {
      const res = await control(emu, '/__rate-limit', body);
      const error = (await res.json()) as ErrorBody;
      expect([res.status, error.code]).toEqual([400, 'validation_error']);
      expect(error.message).toMatch(/^rateLimit\.(requestsPerSecond|burst) must be /);
    }
    // still the 1 req/s limit set above: the refused bodies changed nothing
    expect((await apiError(notion.pages.retrieve({ page_id: ws.rootPageId }))).status).toBe(429);
    clock += 1000;
    await notion.pages.retrieve({ page_id: ws.rootPageId });

    expect((await control(emu, '/__rate-limit', { enabled: false })).status).toBe(200);
    for (let i = 0; i < 5; i++) await notion.pages.retrieve({ page_id: ws.rootPageId });
  });

  it('POST /__reset and /__stats/reset clear the counts', async () => {
    const notion = clientFor(emu);
    const stats = async () => (await (await fetch(`${emu.url}/__stats`)).json()) as EmulatorStats;
    for (const path of ['/__reset', '/__stats/reset']) {
      await notion.pages.retrieve({ page_id: ws.rootPageId });
      expect((await stats()).total).toBeGreaterThan(0);
      const res = await control(emu, path);
      expect([res.status, await res.json()]).toEqual([200, { ok: true }]);
      expect(await stats()).toEqual({
        total: 0,
        by_endpoint: {},
        by_status: {},
        rate_limited: 0,
        faults_injected: 0,
        file_downloads: 0,
        webhooks_sent: 0,
      });
    }
  });

  it('answers a malformed %-escape in a file link with 400 invalid_request_url', async () => {
    const res = await fetch(`${emu.url}/__files/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_request_url' });
  });
});

describe('Notion emulator rate limit (on the emulator clock)', () => {
  const ws = buildDemoWorkspace();
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let emu: NotionEmulator;

  beforeAll(async () => {
    emu = await startNotionEmulator({ workspace: ws, rateLimit: { requestsPerSecond: 3, burst: 2 }, now: () => clock });
  });
  afterAll(() => emu.stop());

  it('answers 429 rate_limited with Retry-After past the burst, and again once a token refills', async () => {
    const notion = clientFor(emu);
    await notion.pages.retrieve({ page_id: ws.rootPageId });
    await notion.pages.retrieve({ page_id: ws.rootPageId });
    const error = await apiError(notion.pages.retrieve({ page_id: ws.rootPageId }));
    expect([error.status, error.code]).toEqual([429, 'rate_limited']);
    expect((error.headers as Headers).get('retry-after')).toBe('1');
    clock += 334; // 3 req/s: one token back after 1/3 s
    await notion.pages.retrieve({ page_id: ws.rootPageId });
    expect((await apiError(notion.pages.retrieve({ page_id: ws.rootPageId }))).status).toBe(429);
    expect(emu.stats()).toMatchObject({ rate_limited: 2, by_status: { '200': 3, '429': 2 } });
  });
});
