import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileMemoryStore, createInMemoryStore, createPseudoProvider, pseudoLocalize, translateFiles, translateMdx } from '../src';
import { fixedProvider } from './support/fixed-provider';

const fr = (text: string): string => pseudoLocalize(text, 'fr');

describe('translateMdx options', () => {
  it('glossary: do-not-translate terms stay as written (sent as placeholders), terms are sent with the request that uses them', async () => {
    const provider = fixedProvider({});
    const glossary = { '*': { doNotTranslate: ['ZCP'] }, fr: { terms: { cluster: 'grappe' } }, ja: { terms: { cluster: 'クラスタ' } } };
    const { mdx } = await translateMdx({ source: '# ZCP cluster\n\nZCP runs here.\n', to: 'fr', provider, glossary, headingIds: false });
    expect(provider.requests[0].segments.map((segment) => segment.text)).toEqual(['⟦1⟧ cluster', '⟦1⟧ runs here.']);
    expect(provider.requests[0].glossary).toEqual([{ source: 'cluster', target: 'grappe' }]);
    expect(mdx).toBe('# ZCP cluster\n\nZCP runs here.\n');
    const pseudo = await translateMdx({ source: 'ZCP runs here.\n', to: 'fr', provider: createPseudoProvider(), glossary });
    expect(pseudo.mdx).toBe(`ZCP${fr(' runs here.')}\n`);
  });

  it('a changed glossary entry re-sends only the segments that use it', async () => {
    const memory = createInMemoryStore();
    const source = 'The cluster is ready.\n\nNothing else.\n';
    const first = fixedProvider({});
    await translateMdx({ source, to: 'fr', provider: first, memory, glossary: { fr: { terms: { cluster: 'grappe' } } } });
    const second = fixedProvider({});
    const { report } = await translateMdx({ source, to: 'fr', provider: second, memory, glossary: { fr: { terms: { cluster: 'cluster' } } } });
    expect(second.requests.flatMap((request) => request.segments.map((segment) => segment.text))).toEqual(['The cluster is ready.']);
    expect(report).toMatchObject({ sent: 1, fromMemory: 1 });
  });

  it('headingIds: false adds no ids; translatableAttributes chooses the JSX attributes', async () => {
    const source = '# Title\n\n<Card title="Card title" label="Card label" />\n';
    const { mdx } = await translateMdx({ source, to: 'fr', provider: createPseudoProvider(), headingIds: false, translatableAttributes: ['label'] });
    expect(mdx).toBe(`# ${fr('Title')}\n\n<Card title="Card title" label="${fr('Card label')}" />\n`);
  });

  it('segmentRetries: 0 keeps the source text after the first bad answer; a higher value sends it alone again', async () => {
    const bad = { 'Plain text.': 'texte ⟦9⟧' };
    const once = fixedProvider(bad);
    const { report } = await translateMdx({ source: 'Plain text.\n', to: 'fr', provider: once, segmentRetries: 0 });
    expect([report.failed.length, once.requests.length]).toEqual([1, 1]);
    const thrice = fixedProvider(bad);
    await translateMdx({ source: 'Plain text.\n', to: 'fr', provider: thrice, segmentRetries: 2 });
    expect(thrice.requests.length).toBe(3);
  });

  it('verify refusing the file drops the translations that make it fail, and says so', async () => {
    const verify = (mdx: string): void => {
      if (mdx.includes(fr('Second'))) throw new Error('refused');
    };
    const { mdx, report } = await translateMdx({ source: 'First.\n\nSecond.\n', to: 'fr', provider: createPseudoProvider(), verify });
    expect(mdx).toBe(`${fr('First.')}\n\nSecond.\n`);
    expect(report.failed).toEqual([{ id: 's2', reason: 'document_check_failed', text: 'Second.' }]);
  });

  it('onProgress counts settled segments up to the total', async () => {
    const events: Array<{ completed: number; total: number }> = [];
    await translateMdx({ source: 'One.\n\nTwo.\n\nThree.\n', to: 'fr', provider: createPseudoProvider(), maxChunkTokens: 10, onProgress: (event) => events.push(event) });
    expect(events).toEqual([
      { completed: 1, total: 3 },
      { completed: 2, total: 3 },
      { completed: 3, total: 3 },
    ]);
  });

  it('refuses bad numbers and languages before any request', async () => {
    const provider = fixedProvider({});
    await expect(translateMdx({ source: 'x', to: 'fr', provider, maxChunkTokens: 0 })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(translateMdx({ source: 'x', to: 'fr', provider, segmentRetries: -1 })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(translateMdx({ source: 'x', to: 'fr', provider, maxConcurrentRequests: 0 })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(translateMdx({ source: 'x', from: 'en_US', to: 'fr', provider })).rejects.toMatchObject({ code: 'invalid_language' });
    await expect(translateMdx({ source: 'Hello {name', to: 'fr', provider, file: 'a.mdx' })).rejects.toMatchObject({ code: 'invalid_mdx', file: 'a.mdx', line: 1 });
    expect(provider.requests).toEqual([]);
  });
});

describe('translateFiles with one file memory for every file and language', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'mdx-translate-files-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('keeps every entry of every task, and a second run sends nothing', async () => {
    const files = ['a', 'b'].map((name) => ({ path: `${name}.mdx`, source: `# Page ${name}\n\nText of page ${name}.\n` }));
    const run = async () => {
      const provider = fixedProvider({});
      const result = await translateFiles({ files, languages: ['ko', 'ja'], provider, memory: createFileMemoryStore({ directory }), maxConcurrentRequests: 4, maxChunkTokens: 10 });
      return { provider, result };
    };
    const first = await run();
    expect(first.result.totals).toMatchObject({ segments: 8, sent: 8, fromMemory: 0 });
    for (const language of ['ko', 'ja']) {
      const saved = JSON.parse(await readFile(path.join(directory, `${language}.json`), 'utf8')) as { entries: Record<string, { source: string }> };
      expect(Object.values(saved.entries).map((entry) => entry.source).sort()).toEqual(['Page a', 'Page b', 'Text of page a.', 'Text of page b.']);
    }
    const second = await run();
    expect(second.provider.requests).toEqual([]);
    expect(second.result.totals).toMatchObject({ sent: 0, fromMemory: 8 });
  });
});
