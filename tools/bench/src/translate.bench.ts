/**
 * Tokens sent to the model per publish: @zmp-manual/mdx-translator (segments, translation memory,
 * batched JSON requests) beside the original service's whole-file approach (files split by lines under
 * MAX_CHUNK_SIZE characters, each chunk sent twice: inside the system prompt and as the user message,
 * everything re-sent on every publish), through the same openai-emulator in the same run.
 *
 *   npx tsc -p libs/mdx-translator/tsconfig.build.json   # once: the bench imports the built package
 *   npx tsx tools/bench/src/translate.bench.ts
 *
 * Content: the hand-written MDX documents of libs/mdx-translator/test/fixtures (a getting-started guide,
 * a configuration reference and a page of MDX-hostile text), translated into 3 languages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { createInMemoryStore, createOpenAIProvider, translateFiles } from '@zmp-manual/mdx-translator';
import type { SourceFile } from '@zmp-manual/mdx-translator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { BenchRow } from './report';
import { formatTable, writeResults } from './report';

const LANGUAGES = ['ko', 'ja', 'fr'];
/** MAX_CHUNK_SIZE: characters for the original, estimated tokens for ours (both the original's default). */
const MAX_CHUNK_SIZE = 2000;
const MAX_CONCURRENT_REQUESTS = 5;
const FIXTURES = path.resolve(__dirname, '../../../libs/mdx-translator/test/fixtures');

function loadDocuments(): SourceFile[] {
  return readdirSync(FIXTURES)
    .sort()
    .map((name) => ({ path: `${name}.mdx`, source: readFileSync(path.join(FIXTURES, name, 'input.mdx'), 'utf8') }));
}

/** The same documents with one paragraph of the guide reworded. */
function withOneParagraphChanged(documents: SourceFile[]): SourceFile[] {
  const paragraph = 'Give the project a short name.';
  return documents.map((document) =>
    document.source.includes(paragraph) ? { ...document, source: document.source.replace(paragraph, 'Pick a short, memorable name for the project.') } : document,
  );
}

/** The original's system prompt, paraphrased from its rules (see the seed contract §8.6). */
function originalSystemPrompt(language: string, chunk: string): string {
  return [
    `You are a professional technical translator. Translate the following Markdown/MDX document into ${language}.`,
    `Target language: ${language}`,
    'Rules:',
    '1. Keep all front matter unchanged: title, id, sidebar_position, everything.',
    '2. Translate all headings but keep {#id} anchors and the number of #.',
    '3. Translate paragraphs, lists, blockquotes, inline text between tags and table cells, but not technical terms, Yes/No, O/X or status values.',
    '4. Translate comments inside code blocks; keep the code itself.',
    '5. Keep in English: product, component and technical names, code, commands, paths, URLs, placeholders like __HTML_n__ and __IMGPATH_n__, environment variables, CLI flags, configuration keys and error codes.',
    '6. Keep HTML tags, Markdown syntax, code fences and their language ids, and image paths exactly as they are.',
    '7. Output only the translated document, without explanations.',
    '',
    `Original text:\n${chunk}`,
    '',
    'Translated text:',
  ].join('\n');
}

/** The original chunking: by lines under `max` characters; front matter and fenced blocks kept whole. */
function chunkByLines(content: string, max: number): string[] {
  if (content.length <= max) return [content];
  const lines = content.split('\n');
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    chunks.push((chunks.length > 0 ? '<!-- CHUNK_CONTINUATION -->\n' : '') + current.join('\n'));
    current = [];
    size = 0;
  };
  let index = 0;
  const take = (block: string[]): void => {
    const length = block.join('\n').length + 1;
    if (size + length > max && current.length > 0) flush();
    current.push(...block);
    size += length;
    if (length > max) flush();
  };
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    index = end + 1;
    take(lines.slice(0, index));
  }
  while (index < lines.length) {
    const line = lines[index];
    const fence = /^(`{3,})\S*/.exec(line);
    if (fence !== null) {
      let close = index + 1;
      while (close < lines.length && lines[close].trimEnd() !== fence[1]) close += 1;
      take(lines.slice(index, close + 1));
      index = close + 1;
    } else {
      take([line]);
      index += 1;
    }
  }
  flush();
  return chunks;
}

async function originalPublish(client: OpenAI, documents: SourceFile[]): Promise<void> {
  const chunks = documents.flatMap((document) => LANGUAGES.flatMap((language) => chunkByLines(document.source, MAX_CHUNK_SIZE).map((chunk) => ({ language, chunk }))));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const { language, chunk } = chunks[next];
      next += 1;
      await client.chat.completions.create({
        model: 'gpt-4o-mini',
        temperature: 0,
        messages: [
          { role: 'system', content: originalSystemPrompt(language, chunk) },
          { role: 'user', content: chunk },
        ],
      });
    }
  };
  await Promise.all(Array.from({ length: MAX_CONCURRENT_REQUESTS }, worker));
}

/** Tokens (prompt + completion) and requests the emulator counted while `run` ran. */
async function measure(emulator: OpenAIEmulator, run: () => Promise<unknown>): Promise<{ tokens: number; requests: number }> {
  const before = emulator.stats();
  await run();
  const after = emulator.stats();
  return {
    tokens: after.prompt_tokens + after.completion_tokens - before.prompt_tokens - before.completion_tokens,
    requests: after.requests - before.requests,
  };
}

async function main(): Promise<void> {
  const emulator = await startOpenAIEmulator({ port: 0 });
  try {
    const documents = loadDocuments();
    const changed = withOneParagraphChanged(documents);
    const provider = createOpenAIProvider({ apiKey: emulator.apiKey, baseURL: emulator.baseURL });
    const memory = createInMemoryStore();
    const ours = (files: SourceFile[]) => () =>
      translateFiles({ files, languages: LANGUAGES, provider, memory, maxChunkTokens: MAX_CHUNK_SIZE, maxConcurrentRequests: MAX_CONCURRENT_REQUESTS });
    const client = new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.baseURL });
    const original = (files: SourceFile[]) => () => originalPublish(client, files);

    const passes: Array<[string, SourceFile[]]> = [
      ['first publish', documents],
      ['re-publish, no change', documents],
      ['re-publish, one paragraph changed', changed],
    ];
    const rows: BenchRow[] = [];
    for (const [name, files] of passes) {
      const a = await measure(emulator, ours(files));
      const b = await measure(emulator, original(files));
      rows.push({ metric: `${name}: tokens sent`, unit: 'tokens', ours: a.tokens, peer: b.tokens, peerName: 'whole-file chunks' });
      rows.push({ metric: `${name}: requests`, unit: 'requests', ours: a.requests, peer: b.requests, peerName: 'whole-file chunks' });
    }
    const bytes = documents.reduce((sum, document) => sum + document.source.length, 0);
    const note = `${documents.length} hand-written MDX documents (${bytes} chars) × ${LANGUAGES.length} languages; prompt + completion tokens counted by openai-emulator`;
    rows[0].note = note;
    const section = { name: 'translate: tokens per publish', rows };
    console.log(formatTable([section]));
    await writeResults(section);
  } finally {
    await emulator.stop();
  }
}

void main();
