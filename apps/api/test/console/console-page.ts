import type { Page, Request } from 'playwright-core';

const TERMINAL = ['completed', 'failed', 'cancelled'];

/**
 * The console as a user drives it: every step goes through the page's own controls (the selectors are the
 * ids and classes of apps/api/src/console/static). It records what the page did over the network.
 */
export class ConsolePage {
  readonly errors: string[] = [];
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('request', (request: Request) => this.requests.push(`${request.method()} ${request.url()}`));
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('#sign-in').waitFor({ state: 'visible' });
  }

  async signInWithToken(token: string): Promise<void> {
    await this.page.fill('#token-input', token);
    await this.page.click('#token-submit');
    await this.page.locator('#workspace').waitFor({ state: 'visible' });
  }

  /** Who the header says is signed in, once it says someone (with the page's message when it never does). */
  async signedInAs(): Promise<string> {
    try {
      await this.page.locator('#who', { hasText: /\S/ }).waitFor({ timeout: 10_000 });
    } catch (error) {
      throw new Error(`nobody signed in; the page says: ${await this.page.locator('#message').textContent()}; errors: ${this.errors.join(" | ")}; url ${this.page.url()}; ${String(error)}`, { cause: error });
    }
    return this.text('#who');
  }

  text(selector: string): Promise<string> {
    return this.page.locator(selector).innerText();
  }

  async pickSolution(solution: string): Promise<void> {
    await this.page.selectOption('#solution', solution);
    await this.page.click('#refresh-tree');
    await this.page.locator('#tree .node').first().waitFor();
  }

  /** The tree as the page shows it: each node's depth and title, in order. */
  tree(): Promise<Array<[number, string]>> {
    return this.page.$$eval('#tree .node', (nodes) =>
      nodes.map((node): [number, string] => {
        let depth = 0;
        for (let at = node.parentElement; at && at.id !== 'tree'; at = at.parentElement) if (at.tagName === 'UL') depth += 1;
        return [depth, node.textContent ?? ''];
      }),
    );
  }

  async selectPage(pageId: string): Promise<void> {
    await this.page.click(`#tree .node[data-id="${pageId}"]`);
  }

  async chooseLanguages(languages: string[]): Promise<void> {
    for (const box of await this.page.locator('input[name="lang"]').all()) {
      await box.setChecked(languages.includes(await box.getAttribute('value') ?? ''));
    }
  }

  /** Clicks Publish; the job id of the API's answer. */
  async publish(): Promise<string> {
    const answer = this.page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/publish'));
    await this.page.click('#publish');
    const response = await answer;
    if (response.status() !== 200) throw new Error(`publish answered ${response.status()}: ${await response.text()}`);
    return ((await response.json()) as { job_id: string }).job_id;
  }

  job(jobId: string) {
    return this.page.locator(`#job-${jobId}`);
  }

  /** Samples the job's row until it shows a final state: every (state, progress) seen, in order. */
  async watchJob(jobId: string, timeoutMs = 90_000): Promise<Array<[string, number]>> {
    const seen: Array<[string, number]> = [];
    const row = this.job(jobId);
    await row.waitFor();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = (await row.locator('.state').textContent()) ?? '';
      const progress = Number(await row.locator('progress').getAttribute('value'));
      const last = seen[seen.length - 1];
      if (!last || last[0] !== state || last[1] !== progress) seen.push([state, progress]);
      if (TERMINAL.includes(state)) return seen;
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${state} after ${timeoutMs} ms: ${JSON.stringify(seen)}`);
      await this.page.waitForTimeout(50);
    }
  }
}
