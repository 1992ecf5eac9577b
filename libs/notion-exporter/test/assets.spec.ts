import { exportTree } from '../src';
import type { ExportResult } from '../src';
import { startDemo } from './support/demo-emulator';
import type { DemoSetup } from './support/demo-emulator';

describe('assets: expiring links, bounded downloads, failures', () => {
  let demo: DemoSetup;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let clean: ExportResult;
  const root = () => demo.emulator.workspace.rootPageId;

  beforeAll(async () => {
    demo = await startDemo({ now: () => clock });
    clean = await exportTree({ client: demo.client, rootPageId: root(), rateLimit: false });
  });
  afterAll(() => demo.emulator.stop());
  beforeEach(() => demo.emulator.resetStats());

  it('re-reads the block for a fresh link when a signed URL has expired, and downloads once more', async () => {
    const result = await exportTree({
      client: demo.client,
      rootPageId: root(),
      rateLimit: false,
      onProgress: (p) => {
        // Every link handed out during the crawl expires before the downloads start (Notion's last 1 h).
        if (p.phase === 'assets') clock += 2 * 3600_000;
      },
    });
    const stats = demo.emulator.stats();
    expect(stats.by_endpoint['GET /v1/blocks/{id}']).toBe(clean.assets.length);
    expect(stats.file_downloads).toBe(2 * clean.assets.length);
    expect(result.stats.warnings.filter((w) => w.code === 'asset_failed')).toEqual([]);
    expect(result.assets.map((a) => [a.fileName, a.data?.length])).toEqual(clean.assets.map((a) => [a.fileName, a.data?.length]));
    expect(result.documents.map((d) => d.mdx)).toEqual(clean.documents.map((d) => d.mdx));
  });

  it('downloads at most `assetConcurrency` files at a time', async () => {
    let inFlight = 0;
    let peak = 0;
    const slowFetch: typeof fetch = async (input, init) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const result = await exportTree({ client: demo.client, rootPageId: root(), rateLimit: false, fetch: slowFetch, assetConcurrency: 2 });
    expect(result.stats.assetsDownloaded).toBe(clean.assets.length);
    expect(peak).toBe(2);
  });

  it('warns, and writes a visible link to the Notion page (not a dead player) when a file cannot be downloaded', async () => {
    const files = demo.emulator.workspace.files;
    const tone = files['alert-tone.wav'];
    delete files['alert-tone.wav'];
    try {
      const result = await exportTree({ client: demo.client, rootPageId: root(), rateLimit: false });
      const monitoring = result.documents.find((d) => d.title === 'Monitoring')!;
      expect(result.stats.warnings).toContainEqual(expect.objectContaining({ code: 'asset_failed', pageId: monitoring.pageId }));
      expect(monitoring.mdx).toContain('[Audio (not exported: view it in Notion)](https://www.notion.so/Monitoring-');
      expect(monitoring.mdx).not.toContain('<audio');
      expect(result.assets).toHaveLength(clean.assets.length - 1);
      // Not remembered as exported: the next export tries again.
      expect(Object.keys(result.manifest.assets)).toHaveLength(clean.assets.length - 1);
    } finally {
      files['alert-tone.wav'] = tone;
    }
  });
});
