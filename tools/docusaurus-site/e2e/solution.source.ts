import { createHash } from 'node:crypto';
import type { Asset, ExportedDocument, Translation } from '@zmp-manual/docusaurus-writer';
import type { Translate } from './pseudo-translate';
import { original, pseudoTranslator } from './pseudo-translate';

/**
 * THE DOCUMENT SOURCE OF THE E2E. Today: a hand-written solution shaped like @zmp-manual/notion-exporter's
 * export (docs/decisions/0002-library-contracts.md) and a pseudo-translation into ko, ja and ar. When the
 * demo workspace's real export and @zmp-manual/mdx-translator's pseudo provider are ready, replace the body
 * of `loadSolution()` with them; nothing else in the e2e needs to change.
 */
export interface SolutionInput {
  solution: string;
  languages: string[];
  documents: ExportedDocument[];
  assets: Asset[];
  translations: Translation[];
}

export async function loadSolution(): Promise<SolutionInput> {
  const languages = ['ko', 'ja', 'ar'];
  const documents = PAGES.map((page) => toDocument(page));
  const translations = languages.flatMap((language) =>
    PAGES.map((page) => ({ language, pageId: page.pageId, mdx: render(page, pseudoTranslator(language)) })),
  );
  return { solution: 'zcp', languages, documents, assets: [DIAGRAM], translations };
}

// A valid 1x1 PNG: Docusaurus reads the size of every Markdown image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PNG_SHA256 = createHash('sha256').update(PNG).digest('hex');
const DIAGRAM: Asset = {
  fileName: `${PNG_SHA256.slice(0, 16)}.png`,
  sha256: PNG_SHA256,
  contentType: 'image/png',
  sourceUrl: 'https://files.example.invalid/zcp/architecture.png',
  pageIds: ['5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a02'],
  data: new Uint8Array(PNG),
};

interface Page {
  pageId: string;
  parentId: string | null;
  slugPath: string[];
  isDirectory: boolean;
  sidebarPosition: number;
  id: string;
  title: string;
  assets?: string[];
  body(t: Translate): string;
}

const PAGES: Page[] = [
  {
    pageId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a00',
    parentId: null,
    slugPath: [],
    isDirectory: true,
    sidebarPosition: 1,
    id: 'zcp',
    title: 'ZCP: the "Cloud Z" control plane',
    body: (t) => `${t('ZCP runs and watches the workloads of a cloud platform. Start with the installation guide.')}

- [${t('Install ZCP')}](./getting-started/install.mdx#requirements)
- [${t('Configure the ports')}](./getting-started/configure.mdx#ports)
- [${t('Tune the control plane')}](./getting-started/advanced/tuning.mdx)
`,
  },
  {
    pageId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a01',
    parentId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a00',
    slugPath: ['getting-started'],
    isDirectory: true,
    sidebarPosition: 1,
    id: 'getting-started',
    title: 'Getting started',
    body: (t) => `${t('These pages take you from an empty cluster to a running control plane.')}

1. [${t('Install')}](./install.mdx)
2. [${t('Configure')}](./configure.mdx)
`,
  },
  {
    pageId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a02',
    parentId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a01',
    slugPath: ['getting-started', 'install'],
    isDirectory: false,
    sidebarPosition: 1,
    id: 'install',
    title: 'Install',
    assets: [DIAGRAM.fileName],
    body: (t) => `${t('Install the control plane with one command.')}

## ${t('Requirements')} {#requirements}

${t('You need a Kubernetes cluster and the CLI.')}

![${t('Architecture diagram')}](/img/zcp/${DIAGRAM.fileName})

:::tip[${t('Before you start')}]

${t('Check the ports in the configuration first:')} [${t('ports')}](./configure.mdx#ports).

:::

<details>
<summary>${t('What does the installer change?')}</summary>

${t('It creates a namespace and three deployments.')}

</details>

## ${t('Next steps')} {#next-steps}

${t('Read about tuning in')} [${t('Advanced')}](./advanced/index.mdx).
`,
  },
  {
    pageId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a03',
    parentId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a01',
    slugPath: ['getting-started', 'configure'],
    isDirectory: false,
    sidebarPosition: 2,
    id: 'configure',
    title: 'Configure: ports & "limits"',
    body: (t) => `import TOCInline from '@theme/TOCInline';

${t('Every setting lives in one file.')}

<TOCInline toc={toc} />

## ${t('Ports')} {#ports}

| ${t('Port')} | ${t('Protocol')} | ${t('Used by')} |
| --- | --- | --- |
| 443 | HTTPS | ${t('API server')} |
| 8472 | UDP | ${t('Overlay network')} |

## ${t('Limits')} {#limits}

${t('The scheduler keeps the load of every node below its capacity:')}

$$
\\sum_{i=1}^{n} w_i \\le C
$$

${t('See')} [${t('the requirements')}](./install.mdx#requirements).
`,
  },
  {
    pageId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a04',
    parentId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a01',
    slugPath: ['getting-started', 'advanced'],
    isDirectory: true,
    sidebarPosition: 3,
    id: 'advanced',
    title: 'Advanced',
    body: (t) => `${t('Settings for large installations.')}

- [${t('Tuning')}](./tuning.mdx)
`,
  },
  {
    pageId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a05',
    parentId: '5b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a04',
    slugPath: ['getting-started', 'advanced', 'tuning'],
    isDirectory: false,
    sidebarPosition: 1,
    id: 'tuning',
    title: 'Tuning',
    body: (t) => `## ${t('Worker count')} {#worker-count}

${t('Raise the worker count when the queue grows; the ports stay as in')} [${t('Configure')}](../configure.mdx#ports).

\`\`\`yaml
workers: 8
\`\`\`

${t('Back to')} [${t('the overview')}](../../index.mdx).
`,
  },
];

function relativePathOf(page: Page): string {
  if (page.isDirectory) return [...page.slugPath, 'index.mdx'].join('/');
  return `${page.slugPath.join('/')}.mdx`;
}

/** Front matter as the exporter writes it; JSON strings are valid YAML scalars, so colons and quotes are safe. */
function render(page: Page, t: Translate): string {
  const title = t(page.title);
  return `---\nid: ${page.id}\ntitle: ${JSON.stringify(title)}\nsidebar_position: ${page.sidebarPosition}\n---\n\n${page.body(t)}`;
}

function toDocument(page: Page): ExportedDocument {
  return {
    pageId: page.pageId,
    title: page.title,
    slugPath: page.slugPath,
    relativePath: relativePathOf(page),
    isDirectory: page.isDirectory,
    sidebarPosition: page.sidebarPosition,
    parentId: page.parentId,
    assets: page.assets ?? [],
    frontMatter: { id: page.id, title: page.title, sidebar_position: page.sidebarPosition },
    mdx: render(page, original),
    lastEditedTime: '2025-01-15T09:30:00.000Z',
  };
}
