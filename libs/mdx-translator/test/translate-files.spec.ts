import type { ProviderRequest, TranslationProvider } from '../src';
import { TranslatorError, createInMemoryStore, createPseudoProvider, translateFiles } from '../src';
import { compileMdx } from './support/compile-mdx';

const files = ['a', 'b', 'c'].map((name) => ({
  path: `docs/${name}.mdx`,
  source: [`# Page ${name}`, '', ...Array.from({ length: 6 }, (_, i) => [`Paragraph ${i} of page ${name} has some words in it.`, '']).flat()].join('\n'),
}));

/** The pseudo provider behind a gate that counts requests in flight and the most seen at once. */
function countingProvider(delayMs: number): TranslationProvider & { maxInFlight: number; calls: number } {
  const inner = createPseudoProvider();
  let inFlight = 0;
  const provider = {
    name: 'counting',
    model: 'pseudo-1',
    maxInFlight: 0,
    calls: 0,
    async translate(request: ProviderRequest) {
      provider.calls += 1;
      inFlight += 1;
      provider.maxInFlight = Math.max(provider.maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      inFlight -= 1;
      return inner.translate(request);
    },
  };
  return provider;
}

describe('translateFiles', () => {
  it('shares one request limit across files and languages, packs segments under the token budget, reports progress per task', async () => {
    const provider = countingProvider(20);
    const progress: unknown[] = [];
    const { results, totals } = await translateFiles({
      files,
      languages: ['fr', 'ar'],
      provider,
      maxConcurrentRequests: 2,
      maxChunkTokens: 40,
      onProgress: (event) => progress.push(event),
      verify: compileMdx,
    });
    expect(provider.maxInFlight).toBe(2);
    // 7 segments of ~15-20 estimated tokens each: two per request under a budget of 40
    expect(results.map((result) => result.report.requests)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(provider.calls).toBe(24);
    expect(results.map((result) => [result.path, result.language])).toEqual([
      ['docs/a.mdx', 'fr'],
      ['docs/a.mdx', 'ar'],
      ['docs/b.mdx', 'fr'],
      ['docs/b.mdx', 'ar'],
      ['docs/c.mdx', 'fr'],
      ['docs/c.mdx', 'ar'],
    ]);
    expect(progress.map((event) => (event as { current: number }).current)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress).toContainEqual({ current: expect.any(Number), total: 6, file: 'docs/b.mdx', language: 'ar' });
    expect(totals).toMatchObject({ segments: 42, sent: 42, fromMemory: 0, failed: 0, requests: 24 });
    expect(results[1].mdx).toMatch(/^# [\u0600-\u06ff ]+ \{\/\* #page-a \*\/\}\n/);
  });

  it('a second run with the same memory sends nothing', async () => {
    const memory = createInMemoryStore();
    const provider = countingProvider(0);
    await translateFiles({ files, languages: ['ko', 'ja'], provider, memory });
    const calls = provider.calls;
    const { totals } = await translateFiles({ files, languages: ['ko', 'ja'], provider, memory });
    expect(provider.calls).toBe(calls);
    expect(totals).toMatchObject({ sent: 0, fromMemory: 42, requests: 0 });
  });

  it('stops with a typed error when aborted, and refuses an invalid language before any request', async () => {
    const controller = new AbortController();
    const provider = countingProvider(30);
    const running = translateFiles({ files, languages: ['fr'], provider, maxConcurrentRequests: 1, maxChunkTokens: 20, signal: controller.signal });
    setTimeout(() => controller.abort(), 40);
    await expect(running).rejects.toMatchObject({ code: 'aborted' });
    expect(provider.calls).toBeLessThan(21);

    const failure = await translateFiles({ files, languages: ['pt_BR'], provider }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TranslatorError);
    expect((failure as TranslatorError).code).toBe('invalid_language');
  });
});
