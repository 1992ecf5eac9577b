import type { CrawledPage } from '../crawl/tree-crawler';
import type { Asset, ManualNode } from '../types';
import type { AssetJob, DownloadedAsset } from './asset-downloader';

/** One download per source URL (without query string), with every page that uses it. */
export function assetJobs(tree: ManualNode[], pages: Map<string, CrawledPage>): AssetJob[] {
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

/** The exported assets: one per file name (content), even when several URLs had the same bytes. */
export function collectAssets(jobs: AssetJob[], downloaded: Map<string, DownloadedAsset>): Asset[] {
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
