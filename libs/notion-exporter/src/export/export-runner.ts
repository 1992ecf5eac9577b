import { createHash } from 'node:crypto';
import type { NotionGateway } from '../api/notion-gateway';
import { normalizePageId } from '../api/page-id';
import { AssetDownloader } from '../assets/asset-downloader';
import { assetJobs, collectAssets } from '../assets/asset-jobs';
import { mergeCalloutMapping } from '../convert/callout-mapping';
import { convertPageBody } from '../convert/page-body.converter';
import type { CrawledPage } from '../crawl/tree-crawler';
import { crawlProgress, TreeCrawler } from '../crawl/tree-crawler';
import { UserDirectory } from '../crawl/user-directory';
import { throwIfAborted } from '../errors/export-error';
import type { ExportManifest, ManifestAsset, ManifestPage } from '../manifest/export-manifest';
import { checkManifest, MANIFEST_VERSION } from '../manifest/export-manifest';
import { renderDocument } from '../render/document-renderer';
import { buildManualTree } from '../tree/manual-tree';
import type { ExportedDocument, ExportResult, ExportTreeOptions, ExportWarning } from '../types';
import { openGateway, statsCalls } from './notion-session';
import { resolveSources } from './resolve-sources';

/** Bump when converters change their output, so stored bodies of a previous version are not reused. */
const CONVERTER_VERSION = 2;

export interface RunOptions extends ExportTreeOptions {
  /** false: export the root page alone (exportPage). */
  descend: boolean;
}

function conversionFingerprint(options: ExportTreeOptions): string {
  const settings = JSON.stringify({ v: CONVERTER_VERSION, callouts: mergeCalloutMapping(options.callouts) });
  return createHash('sha256').update(settings).digest('hex').slice(0, 16);
}

function storedPage(crawled: CrawledPage): ManifestPage | undefined {
  if (crawled.previous) return crawled.previous;
  const c = crawled.converted;
  if (!c) return undefined;
  return { lastEditedTime: crawled.page.last_edited_time, children: crawled.children, body: c.body, assets: c.assets, warnings: c.warnings, synced: crawled.synced };
}

/** Users named in the tree (last editors) and in database rows (people columns). */
async function resolveUsers(pages: Iterable<CrawledPage>, users: UserDirectory): Promise<void> {
  const ids = new Set<string>();
  for (const crawled of pages) {
    ids.add(crawled.page.last_edited_by.id);
    for (const rows of crawled.rows.values()) {
      for (const row of rows) {
        for (const prop of Object.values(row.properties)) if (prop.type === 'people') prop.people.forEach((p) => ids.add(p.id));
      }
    }
  }
  await users.resolveAll(ids);
}

/** The whole export: crawl (with conversion of changed pages), users, assets, rendering, manifest. */
export async function runExport(options: RunOptions): Promise<ExportResult & { gateway: NotionGateway }> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const rootPageId = normalizePageId(options.rootPageId);
  const gateway = openGateway(options, now);
  const fingerprint = conversionFingerprint(options);
  const previous = options.previous ? checkManifest(options.previous) : undefined;
  const sameRoot = previous?.rootPageId === rootPageId ? previous : undefined;
  // Pages are re-converted after a change of converter or settings; files and users are still known.
  const usable = sameRoot?.conversion === fingerprint ? sameRoot : undefined;
  const callouts = mergeCalloutMapping(options.callouts);
  const crawlWarnings: ExportWarning[] = [];
  const warn = (w: ExportWarning) => crawlWarnings.push(w);

  const downloader = new AssetDownloader({
    gateway,
    fetch: options.fetch ?? fetch,
    concurrency: options.assetConcurrency ?? 4,
    signal: options.signal,
    previous: sameRoot?.assets ?? {},
    warn,
  });
  const crawler = new TreeCrawler({
    gateway,
    rootPageId,
    previous: usable,
    reuseBodies: usable !== undefined,
    concurrency: options.concurrency ?? 4,
    descend: options.descend,
    convert: (page, blocks) => convertPageBody(page.id, blocks, callouts),
    warn,
    onPage: crawlProgress(options.onProgress),
  });
  await crawler.crawl();
  const users = new UserDirectory(gateway, sameRoot?.users);
  await resolveUsers(crawler.pages.values(), users);
  const tree = buildManualTree(rootPageId, crawler.pages, (id) => users.get(id));
  if (!options.descend) {
    // A page exported on its own is a leaf document at `<slug>.mdx`; its links to itself are resolved from there.
    const [page] = tree;
    Object.assign(page, { slugPath: [page.slug], relativePath: `${page.slug}.mdx`, isDirectory: false });
  }
  throwIfAborted(options.signal);

  options.onProgress?.({ phase: 'assets', pagesDone: tree.length, pagesKnown: tree.length });
  const jobs = assetJobs(tree, crawler.pages);
  const downloaded = await downloader.run(jobs);
  throwIfAborted(options.signal);

  options.onProgress?.({ phase: 'render', pagesDone: tree.length, pagesKnown: tree.length });
  const nodes = new Map(tree.map((n) => [n.id, n]));
  const sources = resolveSources({ tree, pages: crawler.pages, downloaded, users, assetUrlPrefix: options.assetUrlPrefix ?? '/img' });

  const documents: ExportedDocument[] = [];
  const manifestPages: Record<string, ManifestPage> = {};
  const warnings: ExportWarning[] = [];
  let reused = 0;
  for (const node of tree) {
    const crawled = crawler.pages.get(node.id) as CrawledPage;
    const stored = storedPage(crawled);
    if (!stored) continue;
    if (crawled.previous) reused += 1;
    const pageWarnings = crawled.previous ? stored.warnings : [...crawlWarnings.filter((w) => w.pageId === node.id && w.code !== 'asset_failed'), ...stored.warnings];
    manifestPages[node.id] = { ...stored, warnings: pageWarnings };
    warnings.push(...pageWarnings);
    const document = renderDocument({ node, page: crawled.page, body: stored.body, descriptionProperties: options.descriptionProperties ?? ['Description', 'Summary'], sources });
    documents.push(document);
  }
  warnings.push(...crawlWarnings.filter((w) => !nodes.has(w.pageId) || w.code === 'asset_failed'));

  const manifestAssets: Record<string, ManifestAsset> = {};
  for (const job of jobs) {
    const d = downloaded.get(job.key);
    if (d) manifestAssets[job.key] = { fileName: d.fileName, sha256: d.sha256, contentType: d.contentType };
  }
  const manifest: ExportManifest = {
    version: MANIFEST_VERSION,
    rootPageId,
    exportedAt: new Date(startedAt).toISOString(),
    conversion: fingerprint,
    pages: manifestPages,
    assets: manifestAssets,
    users: users.snapshot(),
  };
  const calls = statsCalls(gateway);
  return {
    gateway,
    tree,
    documents,
    assets: collectAssets(jobs, downloaded),
    manifest,
    stats: {
      pages: tree.length,
      pagesConverted: tree.length - reused,
      pagesReused: reused,
      ...calls,
      assetsDownloaded: downloader.downloaded,
      assetsReused: downloader.reused,
      warnings,
      durationMs: now() - startedAt,
    },
  };
}
