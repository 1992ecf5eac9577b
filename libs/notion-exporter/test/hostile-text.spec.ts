import { Client } from '@notionhq/client';
import { startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { exportTree } from '../src';
import type { ExportedDocument, ExportResult } from '../src';
import { annotationCombinations, buildHostileWorkspace, HOSTILE, HOSTILE_IDS, HOSTILE_TITLES, USER_NAME } from './support/hostile-workspace';
import { compileMdx } from './support/mdx-compile';
import { renderedText } from './support/rendered-text';
import type { RenderedText } from './support/rendered-text';

// Every text Notion can hold, in every place it can hold it, exported through the emulator: each
// document must compile as MDX v3 and, parsed back, show exactly the Notion text (no character lost,
// added, or read as JSX, an expression, math, a directive or markdown).

/** Notion's line endings as a reader sees them: one newline. */
const norm = (s: string) => s.replace(/\r\n?/g, '\n');
/** One-line places (code titles, alt text): every run of spaces, tabs and newlines is one space. */
const flat = (s: string) => norm(s).replace(/[ \t\n]+/g, ' ').trim();
/** Spaces at either end of a block, which HTML does not show (GFM cells and JSX elements drop them). */
const edges = (s: string) => s.replace(/^[ \t]+|[ \t]+$/g, '');
const count = (list: string[], value: string) => list.filter((x) => edges(x) === edges(value)).length;

describe('hostile text (escaping)', () => {
  let emulator: NotionEmulator;
  let result: ExportResult;
  let root: ExportedDocument;
  let rendered: RenderedText;

  beforeAll(async () => {
    emulator = await startNotionEmulator({ workspace: buildHostileWorkspace(), rateLimit: false });
    const client = new Client({ auth: emulator.token, baseUrl: emulator.url, retry: false, logger: () => undefined });
    result = await exportTree({ client, rootPageId: HOSTILE_IDS.root, rateLimit: false });
    root = result.documents.find((d) => d.pageId === HOSTILE_IDS.root)!;
    rendered = renderedText(root.mdx);
  });
  afterAll(() => emulator.stop());

  it('compiles every document with @mdx-js/mdx, with no JSX expression made of Notion text', async () => {
    expect(result.documents.length).toBe(1 + 4 + HOSTILE_TITLES.length);
    for (const doc of result.documents) {
      await expect(compileMdx(doc.mdx).then(() => doc.relativePath)).resolves.toBe(doc.relativePath);
      expect({ path: doc.relativePath, expressions: renderedText(doc.mdx).expressions }).toEqual({ path: doc.relativePath, expressions: [] });
    }
  });

  it('renders each hostile string as itself in paragraphs, lists, quotes, callouts, summaries, cells, code and links', () => {
    const { leaves } = rendered;
    // paragraph, bullet, numbered, to-do, quote, callout, 2 summaries, 2 GFM cells, 2 JSX cells, code,
    // image caption, bookmark, link, file link (a file name is one line); 4 database cells for the first 4 strings.
    const expected = (s: string, i: number) => 17 - (/[\r\n]/.test(s) ? 1 : 0) + (i < 4 ? 1 : 0);
    expect(HOSTILE.map((s) => [s, count(leaves, norm(s))])).toEqual(HOSTILE.map((s, i) => [s, expected(s, i)]));
  });

  it('renders headings 1–4 as the text on one line (a newline becomes a space)', () => {
    const { headings } = rendered;
    expect(HOSTILE.map((s) => [s, count(headings, norm(s).replace(/\n/g, ' '))])).toEqual(HOSTILE.map((s) => [s, 4]));
  });

  it('keeps image alt text and code titles as the text on one line', () => {
    const { attributes } = rendered;
    const title = (s: string) => (s.includes('"') && s.includes("'") ? flat(s).replace(/"/g, '\u201d') : flat(s));
    expect(attributes).toEqual(HOSTILE.flatMap((s) => [title(s), flat(s)]));
  });

  it('renders every annotation combination, alone and between letters, with its exact text', () => {
    const { leaves } = rendered;
    const combos = annotationCombinations('(*{<a> | `b`}*) ');
    expect(leaves).toContain(combos.map((c) => c.plain_text).join(''));
    for (const combo of combos) expect(leaves).toContain(`x${combo.plain_text}y`);
    expect(root.mdx).not.toContain('color');
  });

  it('renders mentions with the user name and the current page title', () => {
    expect(rendered.leaves).toContain(`by ${USER_NAME} on ${HOSTILE_TITLES[0]}`);
  });

  it('writes front matter that YAML 1.2 and 1.1 readers give back as the same strings', () => {
    for (const title of [...HOSTILE_TITLES, 'Hostile {Root}', 'Row 0 {0} <r>']) {
      const doc = result.documents.find((d) => d.title === title)!;
      for (const frontMatter of (doc === root ? rendered : renderedText(doc.mdx)).frontMatter) {
        expect(frontMatter).toMatchObject({ title, id: doc.frontMatter.id, notion_page_id: doc.pageId, sidebar_position: doc.sidebarPosition });
        expect(frontMatter.last_update).toEqual({ date: doc.lastEditedTime, author: USER_NAME });
      }
    }
    expect(rendered.leaves).toEqual(expect.arrayContaining(HOSTILE_TITLES));
  });
});
