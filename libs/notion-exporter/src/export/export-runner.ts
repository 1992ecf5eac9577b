import { createHash } from 'node:crypto';
import type { NotionGateway } from '../api/notion-gateway';
import { normalizePageId } from '../api/page-id';
import { AssetDownloader } from '../assets/asset-downloader';
import type { AssetJob, DownloadedAsset } from '../assets/asset-downloader';
import { mergeCalloutMapping } from '../convert/callout-mapping';
import { convertPageBody } from '../convert/page-body.converter';
import { pageTitle } from '../crawl/page-properties';
import type { CrawledPage } from '../crawl/tree-crawler';
import { TreeCrawler } from '../crawl/tree-crawler';
import { UserDirectory } from '../crawl/user-directory';
import { throwIfAborted } from '../errors/export-error';
import type { ExportManifest, ManifestAsset, ManifestPage } from '../manifest/export-manifest';
import { checkManifest, MANIFEST_VERSION } from '../manifest/export-manifest';
import type { DatabaseInfo, ResolveSources } from '../render/reference-resolver';
import { renderDocument } from '../render/document-renderer';
import { buildManualTree } from '../tree/manual-tree';
import type { Asset, ExportedDocument, ExportResult, ExportTreeOptions, ExportWarning, ManualNode } from '../types';
import { openGateway, statsCalls } from './notion-session';

/** Bump when converters change their output, so stored bodies of a previous version are not reused. */
const CONVERTER_VERSION = 1;

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
  return { lastEditedTime: crawled.page.last_edited_time, children: crawled.children, body: c.body, assets: c.assets, warnings: c.warnings };
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
  await Promise.all([...ids].sort().map((id) => users.resolve(id)));
}

function assetJobs(tree: ManualNode[], pages: Map<string, CrawledPage>): AssetJob[] {
  const jobs = new Map<string, AssetJob>();
  for (const node of tree) {
    const crawled = pages.get(node.id) as CrawledPage;
    const refs = crawled.converted?.assets ?? crawled.previous?.assets ?? [];
    for (const ref of refs) {
      const job = jobs.get(ref.key) ?? { key: ref.key, blockId: ref.blockId, pageIds: new Set<string>(), url: crawled.converted?.assetUrls[ref.key] };
      job.pageIds.add(node.id);
      jobs.set(ref.key, job);
    }
  }
  return [...jobs.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function collectAssets(jobs: AssetJob[], downloaded: Map<string, DownloadedAsset>): Asset[] {
  const byName = new Map<string, Asset>();
  for (const job of jobs) {
    const d = downloaded.get(job.key);
    if (!d) continue;
    const existing = byName.get(d.fileName);
    if (existing) {
      existing.pageIds = [...new Set([...existing.pageIds, ...job.pageIds])].sort();
      if (!existing.data && d.data) existing.data = d.data;
      continue;
    }
    const asset: Asset = { fileName: d.fileName, sha256: d.sha256, contentType: d.contentType, sourceUrl: job.key, pageIds: [...job.pageIds].sort() };
    if (d.data) asset.data = d.data;
    byName.set(d.fileName, asset);
  }
  return [...byName.values()].sort((a, b) => a.fileName.localeCompare(b.fileName));
}

/** The whole export: crawl (with conversion of changed pages), users, assets, rendering, manifest. */
export async function runExport(options: RunOptions): Promise<ExportResult & { gateway: NotionGateway }> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const rootPageId = normalizePageId(options.rootPageId);
  const gateway = openGateway(options, now);
  const fingerprint = conversionFingerprint(options);
  const previous = options.previous ? checkManifest(options.previous) : undefined;
  const usable = previous && previous.rootPageId === rootPageId && previous.conversion === fingerprint ? previous : undefined;
  const callouts = mergeCalloutMapping(options.callouts);
  const crawlWarnings: ExportWarning[] = [];
  const warn = (w: ExportWarning) => crawlWarnings.push(w);

  const crawler = new TreeCrawler({
    gateway,
    rootPageId,
    previous: usable,
    reuseBodies: usable !== undefined,
    concurrency: options.concurrency ?? 4,
    descend: options.descend,
    convert: (page, blocks) => convertPageBody(page.id, blocks, callouts),
    warn,
    onPage: (crawled, counts) =>
      options.onProgress?.({ phase: 'crawl', pageId: crawled.id, title: pageTitle(crawled.page), pagesDone: counts.done, pagesKnown: counts.known, reused: crawled.previous !== undefined }),
  });
  await crawler.crawl();
  const users = new UserDirectory(gateway, usable?.users);
  await resolveUsers(crawler.pages.values(), users);
  const tree = buildManualTree(rootPageId, crawler.pages, (id) => users.get(id));
  throwIfAborted(options.signal);

  options.onProgress?.({ phase: 'assets', pagesDone: tree.length, pagesKnown: tree.length });
  const jobs = assetJobs(tree, crawler.pages);
  const downloader = new AssetDownloader({
    gateway,
    fetch: options.fetch ?? fetch,
    concurrency: options.assetConcurrency ?? 4,
    signal: options.signal,
    previous: usable?.assets ?? {},
    warn,
  });
  const downloaded = await downloader.run(jobs);
  throwIfAborted(options.signal);

  options.onProgress?.({ phase: 'render', pagesDone: tree.length, pagesKnown: tree.length });
  const nodes = new Map(tree.map((n) => [n.id, n]));
  const databases = new Map<string, DatabaseInfo>();
  for (const node of tree) {
    const crawled = crawler.pages.get(node.id) as CrawledPage;
    for (const entry of crawled.children) {
      if (entry.type === 'database') databases.set(entry.id, { title: entry.title, hostPageId: node.id, rows: crawled.rows.get(entry.id) ?? [] });
    }
  }
  const prefix = (options.assetUrlPrefix ?? '/img').replace(/\/+$/, '');
  const sources: ResolveSources = {
    page: (id) => nodes.get(id),
    database: (id) => databases.get(id),
    asset: (key) => {
      const d = downloaded.get(key);
      return d ? { url: `${prefix}/${d.fileName}`, fileName: d.fileName } : undefined;
    },
    userName: (id) => users.get(id).name,
  };

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
    const { document } = renderDocument({ node, page: crawled.page, body: stored.body, descriptionProperties: options.descriptionProperties ?? ['Description', 'Summary'], sources });
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
