/**
 * Regenerates tools/notion-emulator/fixtures/demo from src/fixtures/demo-workspace.ts.
 * Run after changing the demo workspace: `npx tsx tools/notion-emulator/scripts/write-fixtures.ts`.
 * The fixture-in-sync test fails until you do.
 */
import { resolve } from 'node:path';
import { buildDemoWorkspace } from '../src/fixtures/demo-workspace';
import { saveWorkspace } from '../src/workspace-io';

async function main(): Promise<void> {
  const dir = resolve(__dirname, '../fixtures/demo');
  const ws = buildDemoWorkspace();
  await saveWorkspace(ws, dir);
  console.log(`Wrote ${Object.keys(ws.pages).length} pages, ${Object.keys(ws.blocks).length} blocks, ${Object.keys(ws.files).length} files to ${dir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
