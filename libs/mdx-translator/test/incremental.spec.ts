import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import { countPromptTokens, countTextTokens, pseudoTranslate, startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import { createFileMemoryStore, translateMdx } from '../src';
import { systemPrompt, userMessage } from '../src/providers/prompt';
import { emulatorProvider } from './support/emulator-provider';

const PARAGRAPHS = [
  'The agent reads its settings from a file and from environment variables.',
  'An environment variable wins over the file, so containers can override anything.',
  'Restart the agent after you change a port; open connections are closed.',
];
const document = (paragraphs: readonly string[]): string => ['---', 'title: Settings', '---', '', '# Settings', '', ...paragraphs.flatMap((p) => [p, '']), '```yaml', 'port: 8080', '```', ''].join('\n');

let emulator: OpenAIEmulator;
let directory: string;

beforeAll(async () => {
  emulator = await startOpenAIEmulator({ port: 0 });
});
beforeEach(async () => {
  emulator.reset();
  directory = await mkdtemp(path.join(tmpdir(), 'mdx-translator-memory-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));
afterAll(() => emulator.stop());

/** A fresh store over the same folder each time, as a new publish job would open it. */
const translate = (source: string) =>
  translateMdx({ source, to: 'ko', provider: emulatorProvider(emulator), memory: createFileMemoryStore({ directory: path.join(directory, 'i18n-memory') }) });

describe('incremental translation through the file memory', () => {
  it('re-translating an unchanged file sends nothing and gives the same bytes', async () => {
    const first = await translate(document(PARAGRAPHS));
    expect(first.report).toMatchObject({ segments: 5, sent: 5, fromMemory: 0, requests: 1 });
    const before = emulator.stats();

    const second = await translate(document(PARAGRAPHS));
    expect(emulator.stats()).toEqual(before);
    expect(second.report).toMatchObject({ segments: 5, sent: 0, fromMemory: 5, requests: 0, promptTokens: 0, completionTokens: 0 });
    expect(second.mdx).toBe(first.mdx);
  });

  it('changing one paragraph sends only that paragraph (prompt tokens of a one-segment request)', async () => {
    await translate(document(PARAGRAPHS));
    const before = emulator.stats();

    const changed = 'An environment variable always wins over the file.';
    const result = await translate(document([PARAGRAPHS[0], changed, PARAGRAPHS[2]]));
    const after = emulator.stats();

    const oneSegment = [{ id: 's4', text: changed }];
    expect(after.requests - before.requests).toBe(1);
    expect(after.prompt_tokens - before.prompt_tokens).toBe(countPromptTokens([systemPrompt('en', 'ko', []), userMessage('ko', oneSegment)]));
    expect(after.completion_tokens - before.completion_tokens).toBe(countTextTokens(JSON.stringify({ segments: [{ id: 's4', text: pseudoTranslate(changed, 'ko') }] })));
    expect(result.report).toMatchObject({ segments: 5, sent: 1, fromMemory: 4 });
    expect(result.mdx).toContain(`\n${pseudoTranslate(changed, 'ko').replace('ko:', 'ko\\:')}\n`);
  });

  it('writes one deterministic, sorted JSON file per language', async () => {
    await translate(document(PARAGRAPHS));
    const text = await readFile(path.join(directory, 'i18n-memory', 'ko.json'), 'utf8');
    const parsed = JSON.parse(text) as { version: number; language: string; entries: Record<string, { source: string; translation: string }> };
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(parsed).toMatchObject({ version: 1, language: 'ko' });
    const keys = Object.keys(parsed.entries);
    expect(keys).toEqual([...keys].sort());
    // the title and the heading are the same text: one entry serves both
    expect(Object.values(parsed.entries).map((entry) => entry.source).sort()).toEqual(['Settings', ...PARAGRAPHS].sort());
  });
});
