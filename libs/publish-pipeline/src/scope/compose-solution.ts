import type { Asset, Translation } from '@zmp-manual/docusaurus-writer';
import type { ExportedDocument, ExportResult } from '@zmp-manual/notion-exporter';
import type { SiteContent, SiteDocument } from '../site/site-reader';
import type { PublishScope } from './publish-scope';

/** Every page of the solution as the writer must get it: the exported pages in scope, the rest as they are. */
export interface Composition {
  /** In-scope exported documents and kept site documents. */
  documents: (ExportedDocument | SiteDocument)[];
  /** The assets those documents use: exported ones of the pages in scope, kept ones of the site. */
  assets: Asset[];
  /** The exported documents in scope (what is translated). */
  inScope: ExportedDocument[];
  /** The site's translations of the pages kept as they are. */
  keptTranslations: Translation[];
  /** Site pages removed because they left Notion inside the scope. */
  removed: SiteDocument[];
}

/** `Guide.mdx` and `guide.mdx` are one file on macOS and Windows: compare paths as the writer does. */
const fold = (path: string): string => path.normalize('NFC').toLowerCase();

/**
 * Combines a whole-solution export with what the site holds. A site page keeps its bytes unless it is in
 * scope (replaced by its export) or it left Notion inside the scope (removed). A kept page standing at the
 * path of a page in scope (a slug freed by a rename) is taken into scope too.
 */
export function composeSolution(exported: ExportResult, site: SiteContent, scope: PublishScope): Composition {
  const exportedById = new Map(exported.documents.map((document) => [document.pageId, document]));
  const inScopeIds = new Set(scope.pageIds);
  const inArea = (path: string) => scope.removalAreas.some((area) => path.startsWith(area));
  let kept: SiteDocument[] = [];
  let removed: SiteDocument[] = [];
  let inScope: ExportedDocument[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    inScope = exported.documents.filter((document) => inScopeIds.has(document.pageId));
    const taken = new Set(inScope.map((document) => fold(document.relativePath)));
    kept = [];
    removed = [];
    for (const document of site.documents) {
      const inNotion = exportedById.has(document.pageId);
      if (inScopeIds.has(document.pageId)) continue;
      if (scope.whole || (!inNotion && inArea(document.relativePath))) {
        removed.push(document);
      } else if (!taken.has(fold(document.relativePath))) {
        kept.push(document);
      } else if (inNotion) {
        inScopeIds.add(document.pageId);
        changed = true;
      } else {
        removed.push(document);
      }
    }
  }
  const keptIds = new Set(kept.map((document) => document.pageId));
  const keptTranslations = site.translations.filter((translation) => keptIds.has(translation.pageId));
  return { documents: [...inScope, ...kept], assets: assetsOf(exported, site, inScopeIds, kept, keptTranslations), inScope, keptTranslations, removed };
}

/** Exported assets used by pages in scope, plus the site's assets that kept pages (or their translations) name. */
function assetsOf(exported: ExportResult, site: SiteContent, inScopeIds: ReadonlySet<string>, kept: SiteDocument[], keptTranslations: Translation[]): Asset[] {
  const byName = new Map<string, Asset>();
  for (const asset of exported.assets) if (asset.pageIds.some((id) => inScopeIds.has(id))) byName.set(asset.fileName, asset);
  const texts = [...kept.map((document) => document.mdx), ...keptTranslations.map((translation) => translation.mdx)];
  for (const asset of site.assets) {
    if (byName.has(asset.fileName)) continue;
    if (texts.some((text) => text.includes(`/${asset.fileName}`))) byName.set(asset.fileName, asset);
  }
  return [...byName.values()].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}
