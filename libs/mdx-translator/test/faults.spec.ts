import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import { ProviderError, translateMdx } from '../src';
import { compileMdx } from './support/compile-mdx';
import { emulatorProvider } from './support/emulator-provider';
import { protectedParts } from './support/protected-parts';

const SOURCE = [
  '---',
  'title: Faults',
  'id: faults',
  '---',
  '',
  '# Deploy **fast**',
  '',
  'Run `zcp deploy` and read [the guide](./guide.mdx#start) first.',
  '',
  'Plain paragraph without markup.',
  '',
  '- Item with <kbd>Ctrl</kbd> inside',
  '',
].join('\n');

let emulator: OpenAIEmulator;
let clean: string;

beforeAll(async () => {
  emulator = await startOpenAIEmulator({ port: 0 });
  clean = (await translateMdx({ source: SOURCE, to: 'ko', provider: emulatorProvider(emulator) })).mdx;
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.stop());

async function run(maxRetries = 0) {
  const result = await translateMdx({ source: SOURCE, to: 'ko', provider: emulatorProvider(emulator, maxRetries), verify: compileMdx });
  await expect(compileMdx(result.mdx)).resolves.toBeUndefined();
  expect(protectedParts(result.mdx)).toEqual(protectedParts(SOURCE));
  return result;
}

describe('answers spoiled by the emulator', () => {
  it('recovers a dropped placeholder by sending the segments that lost it again, alone', async () => {
    emulator.setFaults({ dropPlaceholder: { count: 1 } });
    const { mdx, report } = await run();
    expect(report.failed).toEqual([]);
    // s2 (heading), s3 (paragraph with code and link), s5 (list item): each sent once more
    expect(report.requests).toBe(4);
    expect(mdx).toBe(clean);
  });

  it('recovers a duplicated placeholder the same way', async () => {
    emulator.setFaults({ duplicatePlaceholder: { count: 1 } });
    const { mdx, report } = await run();
    expect(report.failed).toEqual([]);
    expect(report.requests).toBe(4);
    expect(mdx).toBe(clean);
  });

  it('keeps the source text of segments whose placeholders stay broken, and lists them', async () => {
    emulator.setFaults({ dropPlaceholder: { count: 100 } });
    const { mdx, report } = await run();
    expect(report.failed.map(({ id, reason }) => [id, reason])).toEqual([
      ['s2', 'placeholder_missing'],
      ['s3', 'placeholder_missing'],
      ['s5', 'placeholder_missing'],
    ]);
    expect(mdx).toContain('\nRun `zcp deploy` and read [the guide](./guide.mdx#start) first.\n');
    expect(mdx).toContain('\n# Deploy **fast** {/* #deploy-fast */}\n');
    expect(mdx).toContain('\n⟪ko\\:Plain paragraph without markup.⟫\n'); // the colon of the marker is escaped so it cannot start a directive
  });

  it('recovers a truncated answer (unparsable JSON) segment by segment', async () => {
    emulator.setFaults({ truncate: { count: 1 } });
    const { mdx, report } = await run();
    expect(report.failed).toEqual([]);
    expect(report.requests).toBe(1 + report.segments);
    expect(mdx).toBe(clean);
  });

  it('reports every segment as truncated when no answer is complete, and returns a valid file', async () => {
    emulator.setFaults({ truncate: { count: 100 } });
    const { mdx, report } = await run();
    expect(report.failed).toHaveLength(report.segments);
    expect(new Set(report.failed.map((failure) => failure.reason))).toEqual(new Set(['truncated']));
    expect(mdx).toBe(SOURCE.replace('# Deploy **fast**', '# Deploy **fast** {/* #deploy-fast */}'));
    expect(report.completionTokens).toBeGreaterThan(0);
  });

  it('recovers refusals and content-filter blocks by retrying alone', async () => {
    emulator.setFaults({ refusal: { count: 1 } });
    expect((await run()).report.failed).toEqual([]);
    emulator.setFaults({ contentFilter: { count: 1 } });
    expect((await run()).report.failed).toEqual([]);
  });
});

describe('HTTP errors', () => {
  it('429: the client waits for retry-after and retries (one request of ours, two on the wire)', async () => {
    emulator.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 0.05 } });
    const { mdx, report } = await run(1);
    expect(report).toMatchObject({ requests: 1, failed: [] });
    expect(emulator.stats().by_status).toEqual({ '200': 1, '429': 1 });
    expect(mdx).toBe(clean);
  });

  it('429 without client retries: every segment is sent again alone and translated', async () => {
    emulator.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 0.05 } });
    const { mdx, report } = await run(0);
    expect(report.failed).toEqual([]);
    expect(report.requests).toBe(1 + report.segments);
    expect(mdx).toBe(clean);
  });

  it('500: recovered by the client retry, or reported per segment when it persists', async () => {
    emulator.setFaults({ serverError: { count: 1 } });
    expect((await run(1)).mdx).toBe(clean);
    expect(emulator.stats().by_status).toEqual({ '200': 1, '500': 1 });

    emulator.setFaults({ serverError: { count: 100 } });
    const { mdx, report } = await run(0);
    expect(report.failed).toHaveLength(report.segments);
    expect(report.failed.every((failure) => failure.reason === 'server_error')).toBe(true);
    expect(mdx).toContain('\nPlain paragraph without markup.\n');
  });

  it('insufficient_quota stops at once with a typed error, even with client retries on', async () => {
    emulator.setFaults({ insufficientQuota: { count: 10 } });
    const failure = await translateMdx({ source: SOURCE, to: 'ko', provider: emulatorProvider(emulator, 3) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as ProviderError).toJSON()).toMatchObject({ code: 'insufficient_quota', fatal: true, status: 429 });
    expect(emulator.stats().requests).toBe(1);
  });

  it('a wrong API key stops with authentication_failed', async () => {
    const provider = emulatorProvider({ ...emulator, apiKey: 'sk-wrong' } as OpenAIEmulator);
    await expect(translateMdx({ source: SOURCE, to: 'ko', provider })).rejects.toMatchObject({ code: 'authentication_failed' });
  });
});
