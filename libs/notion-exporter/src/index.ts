export { exportTree } from './export/export-tree';
export { exportPage } from './export/export-page';
export { crawlTree } from './export/crawl-tree';
export { createRateLimiter, RateLimiter } from './api/rate-limiter';
export type { RateLimitOptions } from './api/rate-limiter';
export type { RetryOptions } from './api/retry-policy';
export { NotionExportError } from './errors/export-error';
export type { ExportErrorCode, ExportErrorDetails } from './errors/export-error';
export { DEFAULT_CALLOUT_MAPPING } from './convert/callout-mapping';
export type { AdmonitionType, CalloutMapping } from './convert/callout-mapping';
export { MANIFEST_VERSION } from './manifest/export-manifest';
export type { AssetRef, ChildEntry, ExportManifest, ManifestAsset, ManifestPage } from './manifest/export-manifest';
export { slugify } from './tree/slug';
export { toManualsItems } from './tree/manuals-item';
export type { ManualsItem } from './tree/manuals-item';
export { serializeMdx } from './render/mdx-serializer';
export type {
  Asset,
  ConvertOptions,
  CrawlTreeOptions,
  DocumentFrontMatter,
  ExportedDocument,
  ExportPageOptions,
  ExportPageResult,
  ExportProgress,
  ExportResult,
  ExportStats,
  ExportTreeOptions,
  ExportWarning,
  ManualNode,
  NotionAccessOptions,
} from './types';
