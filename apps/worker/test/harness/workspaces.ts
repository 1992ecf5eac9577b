import { smallManual, smallManualIds } from '@zmp-manual/notion-emulator';
import type { Workspace } from '@zmp-manual/notion-emulator';

/** Ids of the small manual the heavier cases publish (`tinyWorkspace`). */
export const TINY_IDS = smallManualIds('worker-e2e');

/**
 * A small manual: a root "ZCP" with `sections` directory pages of `pagesPerSection` pages each, a few blocks
 * per page (the emulator's `smallManual`). Small enough to run many times; the emulators' latency settings make
 * it as slow as a case needs.
 */
export function tinyWorkspace(sections = 2, pagesPerSection = 3): Workspace {
  return smallManual('worker-e2e', sections, pagesPerSection);
}
