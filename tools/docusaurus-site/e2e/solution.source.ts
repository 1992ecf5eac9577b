import { Client } from '@notionhq/client';
import type { Asset, ExportedDocument, Translation } from '@zmp-manual/docusaurus-writer';
import { createPseudoProvider, translateFiles } from '@zmp-manual/mdx-translator';
import { DEMO_IDS, buildDemoWorkspace, startNotionEmulator } from '@zmp-manual/notion-emulator';
import { exportTree } from '@zmp-manual/notion-exporter';

/**
 * The document source of the e2e: the demo manual ("ZCP", every block type the exporter converts) served by
 * the Notion emulator, exported by @zmp-manual/notion-exporter through the real @notionhq/client, then
 * pseudo-translated into ko, ja and ar by @zmp-manual/mdx-translator — the same path a publish takes.
 */
export interface SolutionInput {
  solution: string;
  languages: string[];
  documents: ExportedDocument[];
  assets: Asset[];
  translations: Translation[];
}

export const SOLUTION = 'zcp';
export const LANGUAGES = ['ko', 'ja', 'ar'];

export async function loadSolution(): Promise<SolutionInput> {
  const emulator = await startNotionEmulator({ workspace: buildDemoWorkspace(), port: 0, rateLimit: false });
  try {
    const client = new Client({ auth: emulator.token, baseUrl: emulator.url, retry: false });
    const exported = await exportTree({
      client,
      rootPageId: DEMO_IDS.root,
      rateLimit: false,
      assetUrlPrefix: `/img/${SOLUTION}`,
    });
    if (exported.stats.warnings.length > 0) {
      console.log(`e2e: export warnings:\n- ${exported.stats.warnings.map((w) => `${w.code}: ${w.message}`).join('\n- ')}`);
    }
    const { results, totals } = await translateFiles({
      files: exported.documents.map((document) => ({ path: document.pageId, source: document.mdx })),
      languages: LANGUAGES,
      provider: createPseudoProvider(),
    });
    // A segment the translator could not translate safely keeps its source text: the file is still valid, so
    // this is reported, not fatal (the translator's own tests pin which inputs must translate).
    for (const result of results) {
      for (const failed of result.report.failed) {
        console.log(`e2e: ${result.language} ${result.path}: segment kept in the source language (${failed.reason}): ${JSON.stringify(failed.text)}`);
      }
    }
    console.log(
      `e2e: exported ${exported.documents.length} pages and ${exported.assets.length} assets; translated ${totals.segments} segments × ${LANGUAGES.length} languages`,
    );
    return {
      solution: SOLUTION,
      languages: LANGUAGES,
      documents: exported.documents,
      assets: exported.assets,
      translations: results.map((r) => ({ language: r.language, pageId: r.path, mdx: r.mdx })),
    };
  } finally {
    await emulator.stop();
  }
}
