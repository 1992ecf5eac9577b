import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { ApiWorld } from './harness/api-world';
import { APP_ROOT } from './harness/env';
import { IDS } from './harness/workspace';
import { chromiumMissing, launchChromium } from './console/chromium';
import { ConsolePage } from './console/console-page';
import { PublicClientIdp } from './console/public-client-idp';

/** Where the run leaves the screenshot of the console (ignored by git). */
const OUTPUT_DIR = join(__dirname, '..', 'test-output');
const SCREENSHOT = join(OUTPUT_DIR, 'console.png');

const missing = chromiumMissing();
if (missing) console.warn(missing);

(missing ? describe.skip : describe)('the web console in headless Chromium', () => {
  const idp = new PublicClientIdp();
  const world = new ApiWorld({ name: 'console', apiEnv: idp.apiEnv });
  let browser: Browser;
  let context: BrowserContext;
  let ui: ConsolePage;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    ui = new ConsolePage(await context.newPage());
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('signs in through Keycloak (authorization code + PKCE, back to the page) and signs out', async () => {
    await ui.open(world.url('/console'));
    expect(ui.page.url()).toBe(world.url('/console/'));
    const config = await (await fetch(world.url('/console/config.json'))).json();
    expect(config).toEqual({
      appRoot: APP_ROOT,
      keycloak: { authorizationUrl: `${idp.oidc.issuer}/protocol/openid-connect/auth`, tokenUrl: idp.oidc.tokenUrl, clientId: 'zmp-client' },
      languages: ['ko', 'ja'],
      defaultLanguages: ['ko', 'ja'],
    });
    idp.oidc.resetStats();
    await ui.page.click('#keycloak-submit');
    await ui.page.locator('#workspace').waitFor({ state: 'visible' });
    // The emulator logs its default user (ann) in; the page exchanged the code itself and cleaned its address.
    expect(await ui.signedInAs()).toBe('ann');
    expect(ui.page.url()).toBe(world.url('/console/'));
    expect(idp.oidc.stats()).toMatchObject({ authorize: 1, token: 1 });
    const authorize = new URL(ui.requests.find((line) => line.startsWith(`GET ${idp.oidc.issuer}/protocol/openid-connect/auth?`))!.slice(4));
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      client_id: 'zmp-client',
      response_type: 'code',
      redirect_uri: world.url('/console/'),
      scope: 'openid',
      state: expect.any(String),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });

    await ui.page.click('#sign-out');
    await ui.page.locator('#sign-in').waitFor({ state: 'visible' });
    expect(await ui.page.evaluate('sessionStorage.length')).toBe(0);
    expect(ui.errors).toEqual([]);
  }, 60_000);

  it('signs in with a pasted token, publishes a page into ko and ja, follows it live, marks its notification read and downloads the artifact', async () => {
    await ui.signInWithToken(idp.token('ann'));
    expect(await ui.signedInAs()).toBe('ann');

    await ui.pickSolution('zcp');
    expect(await ui.tree()).toEqual([
      [0, 'zcp'],
      [1, 'section-1'],
      [2, 'topic-1-1'],
      [2, 'topic-1-2'],
      [1, 'section-2'],
      [2, 'topic-2-1'],
      [2, 'topic-2-2'],
    ]);

    await ui.selectPage(IDS.page(1, 1));
    expect(await ui.text('#selected-page')).toBe('topic-1-1');
    await ui.chooseLanguages(['ko', 'ja']);
    const jobId = await ui.publish();

    // Live progress: the page changes only on the watch stream's events (it never polls the job).
    const seen = await ui.watchJob(jobId);
    expect(seen[seen.length - 1]).toEqual(['completed', 100]);
    const progress = seen.map(([, value]) => value);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(ui.requests.some((line) => line.startsWith(`GET ${world.url(`/watch/${jobId}`)}?ticket=`))).toBe(true);
    const record = await world.jobs.get(jobId);
    expect([record?.status, record?.initiated_by, record?.target_languages, record?.notion_page_id]).toEqual(['completed', 'ann', ['ko', 'ja'], IDS.page(1, 1)]);

    // The notification of the finished job arrives (live), and "Mark read" marks it read for ann.
    const note = ui.page.locator(`#notifications li.unread[data-job-id="${jobId}"]`).filter({ hasText: '(success)' });
    await note.waitFor({ timeout: 20_000 });
    const noteId = (await note.getAttribute('id'))!.replace(/^notification-/, '');
    await note.locator('.mark-read').click();
    await ui.page.locator(`#notification-${noteId}.read`).waitFor();
    const listed = await world.api.get(`${APP_ROOT}/notifications`, { token: idp.token('ann'), query: { include_read: true, job_id: jobId } });
    expect(listed.status).toBe(200);
    expect((listed.body as Array<{ id: string; is_read: boolean }>).find((n) => n.id === noteId)?.is_read).toBe(true);

    // Download: the page fetches the artifact route with its token and shows the signed link; the link downloads the zip.
    await ui.job(jobId).locator('.get-link').click();
    const link = ui.job(jobId).locator('a.download');
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${world.url('/downloads/')}[^/?]+$`));
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, '.gitignore'), '*\n');
    await ui.page.screenshot({ path: SCREENSHOT, fullPage: true });
    const [download] = await Promise.all([ui.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`zcp-${jobId}.zip`);
    const zip = readFileSync((await download.path())!);
    expect(zip.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
    expect(zip.length).toBe(record?.artifact?.size_bytes);

    expect(ui.errors).toEqual([]);
  }, 120_000);

  it('cancels a queued job from its row', async () => {
    await world.publishQueue.pause();
    try {
      await ui.selectPage(IDS.section(2));
      expect(await ui.text('#selected-page')).toBe('section-2 (and its pages)');
      const jobId = await ui.publish();
      await ui.job(jobId).locator('.state').filter({ hasText: 'queued' }).waitFor();
      await ui.job(jobId).locator('button.cancel').click();
      const seen = await ui.watchJob(jobId, 20_000);
      expect(seen[seen.length - 1][0]).toBe('cancelled');
      expect((await world.jobs.get(jobId))?.status).toBe('cancelled');
      expect(await ui.job(jobId).locator('button.cancel').count()).toBe(0);
    } finally {
      await world.publishQueue.resume();
    }
    expect(ui.errors).toEqual([]);
  }, 60_000);
});
