import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { TranslationProvider } from '../src';
import { createOpenAIProvider, createPseudoProvider, translateMdx } from '../src';
import { compileMdx } from './support/compile-mdx';
import { protectedParts, untranslatedFrontMatter } from './support/protected-parts';

// Golden files: fixtures/<case>/input.mdx and, per provider and language, expected.<provider>.<lang>.mdx.
// `UPDATE=1 npx jest test/golden.spec.ts` rewrites the expected files; review them in the diff.
const fixtures = path.join(__dirname, 'fixtures');
const cases = readdirSync(fixtures).sort();
const runs: Array<{ provider: 'pseudo' | 'emulator'; language: string }> = [
  { provider: 'pseudo', language: 'fr' },
  { provider: 'pseudo', language: 'ar' },
  { provider: 'emulator', language: 'ko' },
];

let emulator: OpenAIEmulator;
beforeAll(async () => {
  emulator = await startOpenAIEmulator({ port: 0 });
});
afterAll(() => emulator.stop());

const providerFor = (name: 'pseudo' | 'emulator'): TranslationProvider =>
  name === 'pseudo' ? createPseudoProvider() : createOpenAIProvider({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0 });

describe.each(cases)('golden: %s', (name) => {
  const source = readFileSync(path.join(fixtures, name, 'input.mdx'), 'utf8');

  it('compiles as given (the fixture itself is valid MDX)', async () => {
    await expect(compileMdx(source)).resolves.toBeUndefined();
  });

  it.each(runs)('$provider → $language: code, JSX, imports, URLs and other front matter byte-identical; compiles; matches the golden file', async ({ provider, language }) => {
    const { mdx, report } = await translateMdx({ source, to: language, provider: providerFor(provider), verify: compileMdx });

    await expect(compileMdx(mdx)).resolves.toBeUndefined();
    expect(protectedParts(mdx)).toEqual(protectedParts(source));
    expect(untranslatedFrontMatter(mdx)).toEqual(untranslatedFrontMatter(source));
    expect(report.segments).toBeGreaterThan(5);
    expect(report.sent).toBe(report.segments);
    expect(report.failed).toEqual([]);
    expect(mdx).not.toBe(source);

    const expectedFile = path.join(fixtures, name, `expected.${provider}.${language}.mdx`);
    if (process.env.UPDATE === '1') writeFileSync(expectedFile, mdx);
    expect(mdx).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
