import { randomUUID } from 'node:crypto';
import { access, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startGitServer, type GitServer } from '@zmp-manual/git-server';
import { buildDemoWorkspace, DEMO_IDS, startNotionEmulator, type NotionEmulator } from '@zmp-manual/notion-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import { runExample, type ExampleRun, type ExampleSandbox } from './example-sandbox';
import { PUBLISHED } from './pack';
import { exampleSection, readmeInstall } from './readme';
import { loadSandboxes } from './sandboxes';

type OpenAIEmulator = Awaited<ReturnType<typeof startOpenAIEmulator>>;

/**
 * A line each README's example section promises and the example prints. The README is the one in the tarball,
 * so a promise edited away from the README (or an example that stops printing it) fails here.
 */
const PROMISES: Record<string, RegExp> = {
  'notion-exporter': /pagesConverted: \d+/,
  'mdx-translator': /# Íñšţáĺĺ \*\*ZCP\*\* \{\/\* #install-zcp \*\/\}/,
  'docusaurus-writer': /'\.zmp-manual\/zcp\.manifest\.json'/,
  'git-publisher': /pushed: true/,
  'job-events': /session ended: terminal/,
};

const GIT_TOKEN = 'example-token';

function expectSuccess(result: ExampleRun): void {
  // The whole output in the failure message: a README example that fails must say why.
  const outcome = result.code === 0 ? 'exit 0' : `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
  expect(outcome).toBe('exit 0');
}

describe("each published library, installed alone in an empty folder, runs its README's example", () => {
  let sandboxes = new Map<string, ExampleSandbox>();
  let notion: NotionEmulator;
  let openai: OpenAIEmulator;
  let git: GitServer;
  let redis: Redis;
  const keyPrefix = `test:package-check:${randomUUID()}:`;

  beforeAll(async () => {
    ({ sandboxes } = await loadSandboxes());
    [notion, openai, git] = await Promise.all([
      startNotionEmulator({ workspace: buildDemoWorkspace(), rateLimit: false }),
      startOpenAIEmulator({ port: 0 }),
      startGitServer({ tokens: [GIT_TOKEN] }),
    ]);
    redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 2 });
  }, 30_000);

  afterAll(async () => {
    const keys = redis ? await redis.keys(`${keyPrefix}*`) : [];
    if (keys.length > 0) await redis.del(...keys);
    await redis?.quit();
    await Promise.all([notion?.stop(), openai?.stop(), git?.stop()]);
  });

  it.each(PUBLISHED)("%s's README installs only the library and what it names, and promises what the example prints", (name) => {
    const sandbox = sandboxes.get(name)!;
    expect(Object.keys(sandbox.dependencies)).toEqual(expect.arrayContaining(readmeInstall(sandbox.readme)));
    expect(Object.keys(sandbox.dependencies)).toContain(`@zmp-manual/${name}`);
    expect(exampleSection(sandbox.readme)).toMatch(PROMISES[name]);
  });

  it('notion-exporter: exports a page tree from the Notion emulator, then again incrementally', async () => {
    const sandbox = sandboxes.get('notion-exporter')!;
    const env = { NOTION_TOKEN: notion.token, NOTION_BASE_URL: notion.url, NOTION_ROOT_PAGE_ID: DEMO_IDS.installation };
    const first = await runExample(sandbox, env);
    expectSuccess(first);
    expect(first.stdout).toMatch(PROMISES['notion-exporter']);
    expect(first.stdout).toMatch(/pagesReused: 0/);
    expect((await readdir(join(sandbox.dir, 'docs/zcp'), { recursive: true })).filter((f) => f.endsWith('.mdx')).length).toBeGreaterThan(0);
    await access(join(sandbox.dir, 'manifest.json'));

    const second = await runExample(sandbox, env);
    expectSuccess(second);
    expect(second.stdout).toMatch(/pagesConverted: 0/);
  }, 90_000);

  it('mdx-translator: translates offline with the pseudo provider, from memory the second time, and through the OpenAI emulator', async () => {
    const sandbox = sandboxes.get('mdx-translator')!;
    const first = await runExample(sandbox, {});
    expectSuccess(first);
    expect(first.stdout).toMatch(PROMISES['mdx-translator']);
    expect(first.stdout).toContain("failed: []");

    const second = await runExample(sandbox, {});
    expectSuccess(second);
    expect(second.stdout).toMatch(/sent: 0,\s+fromMemory: 3/);

    await rm(join(sandbox.dir, 'i18n-memory'), { recursive: true, force: true });
    const before = openai.stats().completions;
    const viaModel = await runExample(sandbox, { OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.baseURL });
    expectSuccess(viaModel);
    expect(viaModel.stdout).toContain('⟪fr:');
    expect(viaModel.stdout).toContain('failed: []');
    expect(openai.stats().completions).toBeGreaterThan(before);
  }, 90_000);

  it('docusaurus-writer: lays out a site', async () => {
    const result = await runExample(sandboxes.get('docusaurus-writer')!, {});
    expectSuccess(result);
    expect(result.stdout).toMatch(PROMISES['docusaurus-writer']);
    expect(result.stdout).toContain('i18n');
  }, 60_000);

  it("git-publisher: publishes to a new branch of a site's repository on the git server, then finds nothing to do", async () => {
    const sandbox = sandboxes.get('git-publisher')!;
    // An existing site repository (main holds the site); the example creates `develop` from it.
    await git.createRepository('team/site', { files: { 'README.md': '# The site\n' } });
    const env = { GIT_URL: git.repoUrl('team/site'), GIT_BRANCH: 'develop', GIT_TOKEN };
    const first = await runExample(sandbox, env);
    expectSuccess(first);
    expect(first.stdout).toMatch(PROMISES['git-publisher']);
    expect(first.stdout).toContain("action: 'created_branch'");
    expect(await git.readFile('team/site', 'develop', 'docs/zcp/installation.mdx')).toBe('# Installation\n');
    expect(await git.readFile('team/site', 'develop', 'README.md')).toBe('# The site\n');
    expect(first.stdout + first.stderr).not.toContain(GIT_TOKEN);

    const second = await runExample(sandbox, env);
    expectSuccess(second);
    expect(second.stdout).toMatch(/^null \{\s+pushed: false/m);
    expect(second.stdout).not.toMatch(PROMISES['git-publisher']);
  }, 90_000);

  it('job-events: drives a job over Redis and cleans up after itself', async () => {
    const result = await runExample(sandboxes.get('job-events')!, { REDIS_URL: 'redis://127.0.0.1:6379', KEY_PREFIX: keyPrefix });
    expectSuccess(result);
    expect(result.stdout).toMatch(PROMISES['job-events']);
    expect(result.stdout).toContain('event: done');
    expect(await redis.keys(`${keyPrefix}*`)).toEqual([]);
  }, 60_000);
});
