/**
 * End-to-end: the solution from `solution.source.ts` goes through docusaurus-writer into a fresh copy of this
 * site, once per layout (`single`, then `per-solution`), which `docusaurus build` then builds with every link
 * check set to throw. Exits non-zero on the first failed step.
 */
import { PER_SOLUTION, SINGLE } from './site.variant';
import { loadSolution } from './solution.source';
import { E2eFailure, runVariant } from './variant.run';

function fail(message: string): never {
  console.error(`e2e: FAILED: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const input = await loadSolution();
  const times: string[] = [];
  for (const variant of [SINGLE, PER_SOLUTION]) {
    const { buildMs, locales } = await runVariant(input, variant);
    times.push(`${variant.layout} (${locales.join(', ')}) ${(buildMs / 1000).toFixed(1)} s`);
  }
  console.log(`e2e: OK; build times: ${times.join('; ')}`);
}

main().catch((error: unknown) => {
  if (error instanceof E2eFailure) fail(error.message);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
