import type { NotionGateway } from '../api/notion-gateway';
import { mediaFile } from '../convert/media-file';
import { abortedError, NotionExportError } from '../errors/export-error';
import type { ManifestAsset } from '../manifest/export-manifest';
import { Semaphore } from '../crawl/semaphore';
import type { ExportWarning } from '../types';
import { assetFileName, extensionFor, sha256Hex } from './asset-naming';

export interface AssetJob {
  key: string;
  blockId: string;
  pageIds: Set<string>;
  /** A signed URL seen in this run, if the block was fetched in this run. */
  url?: string;
}

export interface DownloadedAsset extends ManifestAsset {
  data?: Uint8Array;
}

export interface AssetDownloaderOptions {
  gateway: NotionGateway;
  fetch: typeof fetch;
  concurrency: number;
  signal?: AbortSignal;
  /** Assets of the previous export, by key: re-used without a download. */
  previous: Record<string, ManifestAsset>;
  warn: (warning: ExportWarning) => void;
}

/** S3 answers 403 (or 400) to a signed link past its expiry. */
const EXPIRED = new Set([400, 403]);

/**
 * Downloads Notion-hosted files with bounded concurrency and names them by content. A file seen by a
 * previous export (same URL without its query string) is not downloaded again; a link that expired
 * is refreshed by re-reading its block, once.
 */
export class AssetDownloader {
  downloaded = 0;
  reused = 0;

  private readonly semaphore: Semaphore;

  constructor(private readonly options: AssetDownloaderOptions) {
    this.semaphore = new Semaphore(options.concurrency, 'assetConcurrency');
  }

  async run(jobs: AssetJob[]): Promise<Map<string, DownloadedAsset>> {
    const semaphore = this.semaphore;
    const results = new Map<string, DownloadedAsset>();
    await Promise.all(
      jobs.map((job) =>
        semaphore.run(async () => {
          const asset = await this.one(job);
          if (asset) results.set(job.key, asset);
        }),
      ),
    );
    return results;
  }

  private async one(job: AssetJob): Promise<DownloadedAsset | undefined> {
    const known = this.options.previous[job.key];
    if (known) {
      this.reused += 1;
      return { ...known };
    }
    try {
      let url = job.url ?? (await this.freshUrl(job));
      let response = url ? await this.get(url) : undefined;
      if (response && EXPIRED.has(response.status)) {
        url = await this.freshUrl(job);
        response = url ? await this.get(url) : undefined;
      }
      if (!response?.ok) throw new Error(response ? `HTTP ${response.status}` : 'the block has no file any more');
      const data = new Uint8Array(await response.arrayBuffer());
      const contentType = (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
      const sha256 = sha256Hex(data);
      this.downloaded += 1;
      return { fileName: assetFileName(sha256, extensionFor(job.key, contentType)), sha256, contentType, data };
    } catch (error) {
      if (error instanceof NotionExportError && error.code !== 'page_not_found' && error.code !== 'no_access') throw error;
      if (this.options.signal?.aborted) throw abortedError(this.options.signal);
      const [pageId] = [...job.pageIds].sort();
      this.options.warn({
        code: 'asset_failed',
        pageId,
        blockId: job.blockId,
        message: `File ${job.key} could not be downloaded (${error instanceof Error ? error.message : String(error)}); the document links to the Notion page instead.`,
      });
      return undefined;
    }
  }

  private get(url: string): Promise<Response> {
    return this.options.fetch(url, { signal: this.options.signal });
  }

  /** Re-reads the block for a newly signed URL. */
  private async freshUrl(job: AssetJob): Promise<string | undefined> {
    const block = await this.options.gateway.retrieveBlock(job.blockId);
    return mediaFile(block)?.url;
  }
}
