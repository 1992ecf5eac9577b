import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), or `CHROMIUM_PATH`. CI installs it; the suite needs it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the console suite cannot run here, or `null` when it can. */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return `console e2e SKIPPED: no Chromium at ${CHROMIUM_PATH} (install Debian's package: apt-get install chromium, or set CHROMIUM_PATH)`;
}

/** Headless Chromium through playwright-core (no browser download: the system's binary). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
}
