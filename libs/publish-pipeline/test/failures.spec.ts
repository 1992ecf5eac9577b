import * as fs from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as git from 'isomorphic-git';
import { InMemoryRepositoryLock, repositoryKey } from '@zmp-manual/git-publisher';
import { Client } from '@notionhq/client';
import { createOpenAIProvider } from '@zmp-manual/mdx-translator';
import { PipelineError, runExport, runPublish, runTranslate } from '../src';
import type { PipelineUpdate } from '../src';
import { BRANCH, GIT_TOKEN, head, newRemote, openaiProvider, publishOptions, RecordingReporter, startNotion, tempDir, useServers } from './support/harness';
import type { Notion, PublishSetup } from './support/harness';
import { startEchoingServer } from './support/echo-server';
import type { EchoServer } from './support/echo-server';

// Every way a publish fails: the reason, the step, nothing pushed, the working copy reset, no secret shown.
async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof PipelineError)) throw new Error(`expected a PipelineError, got ${String(error)}`);
  return error;
}

/** The working copy the run used: clean and on the remote tip after a failure. */
async function workingCopyState(dataDir: string): Promise<{ head: string; dirty: string[] }> {
  const [name] = await readdir(join(dataDir, 'repos'));
  const dir = join(dataDir, 'repos', name);
  const matrix = await git.statusMatrix({ fs, dir });
  return { head: await git.resolveRef({ fs, dir, ref: 'HEAD' }), dirty: matrix.filter(([, h, w, s]) => !(h === 1 && w === 1 && s === 1)).map(([path]) => path) };
}

describe('runPublish failures', () => {
  const servers = useServers();
  let notion: Notion;
  let remote: string;
  let before: string | undefined;
  // One lock for every run: after each failure, it must be free again.
  const lock = new InMemoryRepositoryLock();
  const setup = async (overrides: Partial<PublishSetup> = {}): Promise<PublishSetup> => ({ servers: servers(), notion, remote, dataDir: await tempDir('data'), lock, ...overrides });
  const expectLockFree = async (url: string) => {
    const handle = await lock.acquire(repositoryKey(url, BRANCH), { waitMs: 0 });
    await handle.release();
  };

  beforeAll(async () => {
    notion = await startNotion();
    remote = await newRemote(servers().git, 'failures');
    before = await head(servers().git, remote);
  });
  afterEach(async () => {
    servers().openai.reset();
    await expectLockFree(servers().git.repoUrl(remote));
  });
  afterAll(() => notion.emulator.stop());

  it('refuses a malformed page id before any Notion or git request', async () => {
    notion.emulator.resetStats();
    const gitRequests = servers().git.stats().total;
    const reporter = new RecordingReporter();
    const error = await failure(runPublish(publishOptions(await setup({ pageId: 'not-a-page', reporter }))));
    expect(error.toJSON()).toEqual({ name: 'PipelineError', reason: 'invalid_page_id', step: null, code: 'invalid_page_id', message: '"not-a-page" is not a Notion page id (32 hex digits, with or without dashes)' });
    expect(notion.emulator.stats().total).toBe(0);
    expect(servers().git.stats().total).toBe(gitRequests);
    expect(reporter.updates).toEqual([]);
  });

  it('refuses a page that is not in the solution, with the remote unchanged', async () => {
    const dataDir = await tempDir('data');
    const error = await failure(runPublish(publishOptions(await setup({ dataDir, pageId: '0123456789abcdef0123456789abcdef' }))));
    expect(error).toMatchObject({ reason: 'invalid_page_id', step: 'exporting', message: 'Page 01234567-89ab-cdef-0123-456789abcdef is not part of solution zcp' });
    expect(await head(servers().git, remote)).toBe(before);
    expect(await workingCopyState(dataDir)).toEqual({ head: before, dirty: [] });
  });

  it('fails with repository_access_failed on a wrong git token, which appears nowhere', async () => {
    const token = 'ghp_wrongToken_Zx81Qa0pLm3n';
    const reporter = new RecordingReporter();
    const error = await failure(runPublish(publishOptions(await setup({ token, reporter }))));
    expect(error).toMatchObject({ reason: 'repository_access_failed', step: 'cloning', code: 'auth_failed' });
    const shown = JSON.stringify([error.toJSON(), error.message, String(error), reporter.updates]);
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(Buffer.from(`x-access-token:${token}`).toString('base64'));
    expect(await head(servers().git, remote)).toBe(before);
  });

  it('fails with repository_access_failed when the git host cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const options = publishOptions(await setup());
    const unreachable = { ...options.solution.repository, url: `http://127.0.0.1:${port}/team/site.git` };
    const error = await failure(runPublish({ ...options, solution: { ...options.solution, repository: unreachable } }));
    expect(error).toMatchObject({ reason: 'repository_access_failed', step: 'cloning', code: 'network' });
    await expectLockFree(unreachable.url);
  });

  it.each([
    ['the quota is spent', { insufficientQuota: { count: 1000 } }, undefined, 'insufficient_quota'],
    ['the API key is refused', {}, 'sk-wrong-key', 'authentication_failed'],
  ])('fails with translation_failed when %s: nothing pushed, the working copy reset', async (_label, faults, apiKey, code) => {
    servers().openai.setFaults(faults);
    const dataDir = await tempDir('data');
    const reporter = new RecordingReporter();
    const provider = openaiProvider(servers().openai, apiKey);
    const error = await failure(runPublish(publishOptions(await setup({ dataDir, reporter, languages: ['ko', 'ja'], provider }))));
    expect(error).toMatchObject({ reason: 'translation_failed', step: 'translating', code });
    expect(await head(servers().git, remote)).toBe(before);
    expect(await servers().git.log(remote, BRANCH)).toHaveLength(1);
    // The export commit made locally is gone, and so are the written files.
    expect(await workingCopyState(dataDir)).toEqual({ head: before, dirty: [] });
    expect(reporter.updates.at(-1)?.log).toEqual(['Working copy reset to the remote (reset)']);
  });

  it.each([
    ['the export', (update: PipelineUpdate) => /^\d.*Exported page: /.test(update.message ?? '') && update.export_files === 5, 'exporting'],
    ['the translation', (update: PipelineUpdate) => /\[ko\]$/.test(update.message ?? ''), 'translating'],
  ])('ends cancelled when the signal fires during %s, with nothing pushed', async (_label, when, step) => {
    const controller = new AbortController();
    const dataDir = await tempDir('data');
    const reporter = new RecordingReporter((update) => {
      if (when(update)) controller.abort();
    });
    const error = await failure(runPublish(publishOptions(await setup({ dataDir, reporter, signal: controller.signal }))));
    expect(error.toJSON()).toEqual({ name: 'PipelineError', reason: 'cancelled', step, code: expect.any(String), message: 'Publication cancelled' });
    expect(await head(servers().git, remote)).toBe(before);
    expect(await workingCopyState(dataDir)).toEqual({ head: before, dirty: [] });
    expect(reporter.updates.filter((update) => update.status === 'pushing')).toEqual([]);
  });

  it.each([
    ['a step', (update: PipelineUpdate) => update.status === 'export_commit', 'export_commit'],
    ['a page exported', (update: PipelineUpdate) => update.export_files === 3 && /Exported page/.test(update.message ?? ''), 'exporting'],
  ])('stops when the reporter fails on %s (a job taken over by another worker) and pushes nothing', async (_label, when, step) => {
    const dataDir = await tempDir('data');
    const refusal = Object.assign(new Error('stale attempt'), { code: 'stale_attempt' });
    const reporter = new RecordingReporter((update) => {
      if (when(update)) throw refusal;
    });
    const error = await failure(runPublish(publishOptions(await setup({ dataDir, reporter }))));
    expect(error).toMatchObject({ reason: 'unknown_error', step, message: 'Publication failed: stale attempt' });
    expect(error.cause).toBe(refusal);
    expect(await head(servers().git, remote)).toBe(before);
    expect(await workingCopyState(dataDir)).toEqual({ head: before, dirty: [] });
  });

  describe('with a host that repeats the credentials it was sent', () => {
    let echo: EchoServer;
    beforeAll(async () => {
      echo = await startEchoingServer();
    });
    afterAll(() => echo.stop());

    it('masks the Notion token given in `secrets` in the error and every report', async () => {
      const token = 'secret_echoedNotionToken_4Rw8';
      const reporter = new RecordingReporter();
      const client = new Client({ auth: token, baseUrl: echo.url, retry: false, logger: () => undefined });
      const options = publishOptions(await setup({ reporter }));
      const error = await failure(runPublish({ ...options, notion: client, secrets: [token] }));
      expect(error).toMatchObject({ reason: 'export_failed', step: 'exporting', code: 'unauthorized' });
      expect(error.message).toContain('refused the credentials Bearer ***');
      expect(JSON.stringify([error.toJSON(), error.message, error.stack, reporter.updates])).not.toContain(token);
    });

    it('masks the OpenAI key given in `secrets`, also in runTranslate, and in the logger', async () => {
      const key = 'sk-echoedOpenAIKey-7Tq3Zp';
      const provider = createOpenAIProvider({ apiKey: key, baseURL: `${echo.url}/v1`, maxRetries: 0 });
      const reporter = new RecordingReporter();
      const logged: string[] = [];
      const logger = { info: (line: string) => void logged.push(line), warn: (line: string) => void logged.push(line), error: (line: string) => void logged.push(line) };
      const options = publishOptions(await setup({ reporter, provider, pageId: '1817735f-078f-445e-bc73-9412c1ee22e8', isDirectory: false }));
      const error = await failure(runPublish({ ...options, logger, secrets: [key] }));
      expect(error).toMatchObject({ reason: 'translation_failed', step: 'translating', code: 'authentication_failed' });
      expect(error.message).toContain('refused the credentials Bearer ***');
      expect(JSON.stringify([error.toJSON(), error.stack, reporter.updates, logged])).not.toContain(key);

      const site = await tempDir('site');
      await runExport({ siteDir: site, solution: { id: 'zcp', rootPageId: notion.emulator.workspace.rootPageId }, pageId: '1817735f-078f-445e-bc73-9412c1ee22e8', notion: notion.client, notionRateLimit: false, reporter: new RecordingReporter() });
      const translating = new RecordingReporter();
      const translated = await failure(runTranslate({ siteDir: site, solution: { id: 'zcp' }, languages: ['ko'], translation: { provider }, reporter: translating, secrets: [key] }));
      expect(translated).toMatchObject({ reason: 'translation_failed', code: 'authentication_failed' });
      expect(JSON.stringify([translated.toJSON(), translated.stack, translating.updates])).not.toContain(key);
    });
  });

  it('keeps the git token out of the reports and the result of a successful publish', async () => {
    const reporter = new RecordingReporter();
    await runPublish(publishOptions(await setup({ remote: await newRemote(servers().git, 'token-check'), reporter, pageId: '1817735f-078f-445e-bc73-9412c1ee22e8', isDirectory: false })));
    expect(reporter.text).not.toContain(GIT_TOKEN);
  });
});
