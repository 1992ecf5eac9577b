/**
 * Notion → MDX export cost: @zmp-manual/notion-exporter (full, then incremental with 5 pages changed)
 * beside notion-to-md, both against the same notion-emulator with Notion's rate limit on (3 requests/s,
 * burst 5), in the same run.
 *
 *   npm run bench -- export [--pages N]      (default 500 pages: about 50 minutes; sources resolved by tools/bench/tsconfig.json)
 *
 * Figures: API requests the emulator answered (429s included), wall time, peak RSS of this process
 * (sampled every 50 ms; the emulator runs in the same process for both, and the peer runs after ours,
 * on the heap ours left), and the lower bound for the accepted requests at 3 requests/s.
 * notion-to-md has no tree crawl and no rate limiter: it is handed the page list (found by our export)
 * and a client whose own retry honours Retry-After (maxRetries raised to 10 so that it finishes), with
 * `parseChildPages: false`, so it does not re-fetch sub-pages inside their parents.
 */
import { Client } from '@notionhq/client';
import { exportTree } from '@zmp-manual/notion-exporter';
import type { ExportResult } from '@zmp-manual/notion-exporter';
import { generateWorkspace, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { NotionToMarkdown } from 'notion-to-md';
import type { BenchRow } from './report';
import { formatTable, writeResults } from './report';

const RATE = 3;

function pagesArgument(argv: string[]): number {
  const index = argv.indexOf('--pages');
  if (index === -1) return 500;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--pages takes a positive integer, got ${String(argv[index + 1])}.`);
  return value;
}

interface Measured {
  calls: number;
  rateLimited: number;
  blockListings: number;
  seconds: number;
  peakRssMb: number;
}

/** Runs `work` and reads the emulator's counters and this process's peak RSS while it ran. */
async function measure(emulator: NotionEmulator, work: () => Promise<void>): Promise<Measured> {
  emulator.resetStats();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const stats = emulator.stats();
  return {
    calls: stats.total,
    rateLimited: stats.rate_limited,
    blockListings: stats.by_endpoint['GET /v1/blocks/{id}/children'] ?? 0,
    seconds,
    peakRssMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024,
  };
}

/** Edits the first paragraph of `count` pages spread over the tree, as a writer would. */
function editPages(emulator: NotionEmulator, result: ExportResult, count: number): void {
  const ws = emulator.workspace;
  const candidates = result.tree.filter((node) => node.parentId !== null);
  const step = Math.max(1, Math.floor(candidates.length / count));
  const editedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  for (const node of candidates.filter((_, i) => i % step === 0).slice(0, count)) {
    const block = (ws.children[node.id] ?? []).map((id) => ws.blocks[id]).find((b) => b?.type === 'paragraph');
    if (block?.type === 'paragraph') {
      const [first] = block.paragraph.rich_text;
      if (first?.type === 'text') {
        first.text.content = `${first.text.content} (edited)`;
        first.plain_text = first.text.content;
      }
    }
    ws.pages[node.id].last_edited_time = editedAt;
  }
}

async function main(): Promise<void> {
  const pages = pagesArgument(process.argv.slice(2));
  const emulator = await startNotionEmulator({ workspace: generateWorkspace({ pages }), rateLimit: { requestsPerSecond: RATE, burst: 5 } });
  try {
    const ours = new Client({ auth: emulator.token, baseUrl: emulator.url, retry: false });
    const rootPageId = emulator.workspace.rootPageId;

    let full: ExportResult | undefined;
    const oursFull = await measure(emulator, async () => {
      full = await exportTree({ client: ours, rootPageId, assetUrlPrefix: '/img/bench' });
    });
    if (!full) throw new Error('the export returned nothing');
    const first = full;

    editPages(emulator, first, 5);
    let incremental: ExportResult | undefined;
    const oursIncremental = await measure(emulator, async () => {
      incremental = await exportTree({ client: ours, rootPageId, assetUrlPrefix: '/img/bench', previous: first.manifest });
    });

    const peerClient = new Client({ auth: emulator.token, baseUrl: emulator.url, retry: { maxRetries: 10 }, logger: () => undefined });
    const n2m = new NotionToMarkdown({ notionClient: peerClient, config: { parseChildPages: false } });
    let peerChars = 0;
    const peer = await measure(emulator, async () => {
      for (const node of first.tree) {
        const blocks = await n2m.pageToMarkdown(node.id);
        peerChars += n2m.toMarkdownString(blocks).parent?.length ?? 0;
      }
    });

    // 429 answers take no token from Notion's bucket: the bound counts the requests it accepted.
    const bound = (m: Measured) => `lower bound at ${RATE}/s: ${((m.calls - m.rateLimited) / RATE).toFixed(1)} s`;
    const rows: BenchRow[] = [
      { metric: `full export, ${first.tree.length} pages: API requests`, unit: 'requests', ours: oursFull.calls, peer: peer.calls, peerName: 'notion-to-md', note: '429 answers included' },
      { metric: 'full export: wall time', unit: 's', ours: round(oursFull.seconds), peer: round(peer.seconds), peerName: 'notion-to-md', note: `ours: ${bound(oursFull)}; peer: ${bound(peer)}` },
      { metric: 'full export: 429 answers', unit: 'requests', ours: oursFull.rateLimited, peer: peer.rateLimited, peerName: 'notion-to-md' },
      { metric: 'full export: block listings', unit: 'requests', ours: oursFull.blockListings, peer: peer.blockListings, peerName: 'notion-to-md' },
      { metric: 'full export: peak RSS', unit: 'MB', ours: round(oursFull.peakRssMb), peer: round(peer.peakRssMb), peerName: 'notion-to-md', note: 'whole process, emulator included' },
      {
        metric: 'incremental, 5 pages changed: API requests',
        unit: 'requests',
        ours: oursIncremental.calls,
        peer: peer.calls,
        peerName: 'notion-to-md (full run: no incremental mode)',
        note: `${incremental?.stats.pagesReused ?? 0} pages reused; ${bound(oursIncremental)}`,
      },
      { metric: 'incremental: wall time', unit: 's', ours: round(oursIncremental.seconds), peer: round(peer.seconds), peerName: 'notion-to-md (full run)' },
      { metric: 'incremental: block listings', unit: 'requests', ours: oursIncremental.blockListings, peer: peer.blockListings, peerName: 'notion-to-md (full run)' },
    ];
    const section = { name: `export ${pages} pages at ${RATE} req/s`, rows };
    console.log(formatTable([section]));
    console.log(`\nours: ${first.documents.length} documents, ${first.assets.length} assets; notion-to-md: ${peerChars.toLocaleString('en-US')} characters of markdown`);
    await writeResults(section);
  } finally {
    await emulator.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
