import { Client, isFullPage, LogLevel } from '@notionhq/client';
import type { PageObjectResponse } from '@notionhq/client';
import { startGitServer } from '@zmp-manual/git-server';
import type { GitServer } from '@zmp-manual/git-server';
import { loadWorkspace, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import * as fs from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import OpenAI from 'openai';

export interface DemoOptions {
  /** Ports to try first; a taken port falls back to any free one. 0 = any free port. */
  ports?: { notion?: number; openai?: number; git?: number };
  host?: string;
  /** Where lines go (default console.log). */
  print?: (line: string) => void;
}

export interface DemoTour {
  rootTitle: string;
  sections: string[];
  translation: string;
  pushedCommit: string;
  pushedFile: string;
}

export interface RunningDemo {
  notion: NotionEmulator;
  openai: OpenAIEmulator;
  git: GitServer;
  tour: DemoTour;
  stop(): Promise<void>;
}

export const DEFAULT_PORTS = { notion: 4030, openai: 4010, git: 4020 } as const;
const NOTION_TOKEN = 'secret_emulator';
const GIT_TOKEN = 'ghp_demo_token';
const DEMO_WORKSPACE = resolve(__dirname, '../../notion-emulator/fixtures/demo');

/** Starts a server on `port`, or on a free port when that one is taken. */
async function onPortOrAny<T>(port: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    return start(0);
  }
}

const titleOf = (page: PageObjectResponse): string => {
  const title = Object.values(page.properties).find((p) => p.type === 'title');
  return title?.type === 'title' ? title.title.map((t) => t.plain_text).join('') : '';
};

/**
 * Starts the three emulators and takes one short tour through each with its real client: reads the demo
 * manual from the Notion emulator, translates a sentence with the OpenAI emulator, pushes a commit to the git server.
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const print = options.print ?? ((line: string) => console.log(line));
  const host = options.host ?? '127.0.0.1';
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const workspace = await loadWorkspace(DEMO_WORKSPACE);

  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    await Promise.allSettled(started.reverse().map((s) => s.stop()));
  };
  try {
    const notion = await onPortOrAny(ports.notion, (port) => startNotionEmulator({ workspace, port, host, tokens: [NOTION_TOKEN] }));
    started.push(notion);
    const openai = await onPortOrAny(ports.openai, (port) => startOpenAIEmulator({ port, host }));
    started.push(openai);
    const gitServer = await onPortOrAny(ports.git, (port) => startGitServer({ port, host, tokens: [GIT_TOKEN] }));
    started.push(gitServer);

    const tour = await takeTour(notion, openai, gitServer, workspace.rootPageId);
    printSummary(print, notion, openai, gitServer, workspace.rootPageId, tour);
    return { notion, openai, git: gitServer, tour, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function takeTour(notion: NotionEmulator, openaiEmulator: OpenAIEmulator, gitServer: GitServer, rootPageId: string): Promise<DemoTour> {
  const client = new Client({ auth: NOTION_TOKEN, baseUrl: notion.url, logLevel: LogLevel.ERROR });
  const root = await client.pages.retrieve({ page_id: rootPageId });
  if (!isFullPage(root)) throw new Error(`The Notion emulator answered a partial page for the root ${rootPageId}.`);
  const rootTitle = titleOf(root);
  const children = await client.blocks.children.list({ block_id: rootPageId });
  const sections = children.results.flatMap((b) => ('type' in b && b.type === 'child_page' ? [b.child_page.title] : []));

  const llm = new OpenAI({ apiKey: openaiEmulator.apiKey, baseURL: openaiEmulator.baseURL, maxRetries: 0 });
  const completion = await llm.chat.completions.create({
    model: openaiEmulator.models[0],
    messages: [
      { role: 'system', content: 'Translate the user text. Keep every ⟦n⟧ placeholder.\nTarget language: ko' },
      { role: 'user', content: 'Click ⟦1⟧ to save your manual.' },
    ],
  });

  const dir = await mkdtemp(join(tmpdir(), 'zmp-demo-'));
  try {
    const url = gitServer.repoUrl('zcp-docs');
    const onAuth = () => ({ username: 'x-access-token', password: GIT_TOKEN });
    await git.init({ fs, dir, defaultBranch: 'main' });
    const pushedFile = 'docs/intro.mdx';
    await fs.promises.mkdir(join(dir, 'docs'), { recursive: true });
    await writeFile(join(dir, pushedFile), `---\ntitle: ${rootTitle}\n---\n\nPublished by the zmp-manual demo.\n`);
    await git.add({ fs, dir, filepath: pushedFile });
    const pushedCommit = await git.commit({ fs, dir, message: 'docs: demo publish', author: { name: 'zmp-manual demo', email: 'demo@example.com' } });
    await git.push({ fs, http, dir, url, ref: 'main', onAuth });
    return { rootTitle, sections, translation: completion.choices[0].message.content ?? '', pushedCommit, pushedFile };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function printSummary(print: (line: string) => void, notion: NotionEmulator, openai: OpenAIEmulator, gitServer: GitServer, rootPageId: string, tour: DemoTour): void {
  const lines = [
    'zmp-manual demo: local emulators are up.',
    '',
    `  Notion API   ${notion.url}   token ${NOTION_TOKEN}, root page ${rootPageId}`,
    `  OpenAI API   ${openai.baseURL}   key ${openai.apiKey}`,
    `  git server   ${gitServer.url}   token ${GIT_TOKEN} (any user name, e.g. x-access-token)`,
    '',
    'A short tour, through the real clients:',
    `  Notion  read "${tour.rootTitle}" with ${tour.sections.length} sections: ${tour.sections.join(', ')}`,
    `  OpenAI  "Click ⟦1⟧ to save your manual." -> ${JSON.stringify(tour.translation)}`,
    `  git     pushed ${tour.pushedCommit.slice(0, 7)} (${tour.pushedFile}) to ${gitServer.repoUrl('zcp-docs')}`,
    '',
    'Try:',
    `  curl -s -H 'Authorization: Bearer ${NOTION_TOKEN}' -H 'Notion-Version: 2025-09-03' ${notion.url}/v1/pages/${rootPageId}`,
    `  curl -s ${notion.url}/__stats`,
    `  curl -s ${openai.url}/__stats`,
    `  git clone ${gitServer.repoUrl('zcp-docs')}   (user x-access-token, password ${GIT_TOKEN})`,
  ];
  lines.forEach((line) => print(line));
}
