import { builder } from '@zmp-manual/notion-emulator';
import type { Workspace } from '@zmp-manual/notion-emulator';

const b = builder;
type RichText = builder.RichText;
type Annotations = RichText['annotations'];

/** Text that a naive exporter turns into code, markup, or nothing. Every item is also a test of its own. */
export const HOSTILE = [
  'Braces {x} {{y}} and <T> <br> <br/> </div> <script>alert("x")</script> <!-- no comment -->',
  'Markdown * _ ** __ [a] [b](c) ![d](e) # | ~~ ~ and a lone backtick ` and ``two``',
  'Math $5 and $x$ and $$y$$, a backslash \\ and \\{ and \\\\',
  ':::tip not an admonition',
  '1. not a list',
  '1) neither',
  '- nor this',
  '+ nor this',
  '* nor this',
  '# not a heading',
  '> not a quote',
  '---',
  '===',
  '    indented four',
  '\tindented tab',
  '  two leading spaces',
  'trailing spaces   ',
  'import Tabs from "@theme/Tabs"',
  'export const meta = {}',
  'Entities &amp; &lt;b&gt; &#123; &copy;',
  'Autolinks http://example.com www.example.com user@example.com',
  'Footnote [^1] and [ref]: /url "t"',
  'Emoji 🚀👩‍💻🇰🇷, RTL שלום עולם مرحبا, zero\u200bwidth\u200c\u200d\u2060\ufeff and \u202eoverride\u202c',
  'CRLF one\r\ntwo\rthree\nfour',
  'two lines\n:::note\n1. x\n# y\n<div>\n{z}\nimport a from "b"',
  'ends with a backslash \\',
  'a*b*c a_b_c 2*3*4 snake_case_name',
  'Pipe | in | text',
  '<',
  '{',
  '\\',
];

/** Page titles that break YAML front matter, slugs or links. */
export const HOSTILE_TITLES = [
  'Title: with "double" and \'single\' quotes',
  '- starts with a dash',
  '@starts with an at',
  '2025-01-01',
  'yes',
  '0b101',
  '<script>{x}</script> `tick` *star* [link](x) #hash',
  '# Hash | pipe & amp ! bang % percent',
];

export const USER_NAME = '<Ops> {team} *lead* @root';
const IDS = b.idFactory('hostile');
export const HOSTILE_IDS = { root: IDS('root'), user: IDS('user'), bot: IDS('bot'), mentioned: IDS('mentioned') };

const COLORS: Array<Annotations['color']> = ['default', 'red', 'yellow_background'];
const FLAGS = ['bold', 'italic', 'strikethrough', 'underline', 'code'] as const;

/** Every combination of the five annotations × (no colour, text colour, background) × (link or not). */
export function annotationCombinations(content: string): RichText[] {
  const out: RichText[] = [];
  for (let mask = 0; mask < 2 ** FLAGS.length; mask += 1) {
    for (const color of COLORS) {
      for (const linked of [false, true]) {
        const annotations = { ...b.text('').annotations, color } as Annotations;
        FLAGS.forEach((flag, i) => {
          annotations[flag] = (mask & (1 << i)) !== 0;
        });
        const item = { ...b.text(content), annotations };
        out.push(...(linked ? b.link('https://example.com/q?a={b}&c=<d>(e)', item) : [item]));
      }
    }
  }
  return out;
}

const ANNOTATED = '(*{<a> | `b`}*) ';

function hostileBlocks(): builder.Node[] {
  const blocks: builder.Node[] = [];
  for (const s of HOSTILE) {
    blocks.push(
      b.paragraph(s),
      b.h1(s),
      b.h2(s),
      b.h3(s),
      b.h4(s),
      b.h2(s, { toggleable: true, children: [b.paragraph('toggle heading body')] }),
      b.toggle(s, b.paragraph('toggle body')),
      b.bullet(s),
      b.numbered(s),
      b.todo(true, s),
      b.quote(s),
      b.callout({ color: 'green_background' }, s),
      b.table({ columnHeader: true }, [[s, 'h'], ['c', s]]),
      b.table({ rowHeader: true }, [[s, 'r'], ['c', s]]),
      b.code('plain text', s, { caption: s }),
      b.image(b.external('https://example.com/diagram.png'), { caption: s }),
      b.bookmark('https://example.com/bookmark', { caption: s }),
      b.paragraph(b.link('https://example.com/a b?q={x}&y=<z>', s)),
      b.file(b.external('https://example.com/files/report.pdf'), { name: s }),
    );
  }
  return blocks;
}

/** A manual whose every text is hostile, in every place Notion can hold text. */
export function buildHostileWorkspace(): Workspace {
  const titled = HOSTILE_TITLES.map((title, i) => b.page({ title, id: i === 0 ? HOSTILE_IDS.mentioned : undefined }, b.paragraph(`Page ${i + 1}`)));
  const root = b.page(
    { title: 'Hostile {Root}', id: HOSTILE_IDS.root },
    ...hostileBlocks(),
    b.paragraph(...annotationCombinations(ANNOTATED)),
    ...annotationCombinations(ANNOTATED).map((item) => b.paragraph('x', item, 'y')),
    b.paragraph('by ', b.mention.user(HOSTILE_IDS.user), ' on ', b.mention.page(HOSTILE_IDS.mentioned)),
    b.database(
      { title: 'Rows <with> {braces}', properties: [b.prop.title('Name'), b.prop.richText('Notes')] },
      ...HOSTILE.slice(0, 4).map((s, i) => b.row(`Row ${i} {${i}} <r>`, { Notes: s })),
    ),
    ...titled,
  );
  return b.buildWorkspace({
    name: 'hostile',
    root,
    users: [b.person(HOSTILE_IDS.user, USER_NAME, 'ops@example.com'), b.bot(HOSTILE_IDS.bot, 'Exporter', 'Hostile', IDS('workspace'))],
  });
}
