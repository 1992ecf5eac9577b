import { startGitServer } from '@zmp-manual/git-server';
import type { GitServer } from '@zmp-manual/git-server';
import { buildDemoWorkspace, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';

/** The demo's fixed credentials: they open local emulators only, so they are printed for `--keep`. */
export const DEMO_NOTION_TOKEN = 'secret_demo_notion';
export const DEMO_GIT_TOKEN = 'ghp_demo_git_token';
export const DEMO_OPENAI_KEY = 'sk-demo-openai';
export const DEMO_SOLUTION = 'zcp';
export const DEMO_REPOSITORY = 'zcp-docs';
export const DEMO_BRANCH = 'main';

export interface DemoEnvironmentOptions {
  host?: string;
  /** Turn the Notion emulator's rate limit (3 requests/s, as Notion) off; the specs do, to stay fast. */
  notionRateLimit?: boolean;
}

export interface DemoEnvironment {
  notion: NotionEmulator;
  openai: OpenAIEmulator;
  git: GitServer;
  /** `http://127.0.0.1:PORT/zcp-docs.git`, no credentials. */
  remoteUrl: string;
  /** The settings the publish runs with, as environment variables. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the Notion emulator with the demo manual, a git server with an empty repository waiting for its
 * first push, and the OpenAI emulator, each on a free port of this machine. `stop()` stops all three and
 * removes the git server's repositories.
 */
export async function startDemoEnvironment(options: DemoEnvironmentOptions = {}): Promise<DemoEnvironment> {
  const host = options.host ?? '127.0.0.1';
  const started: Array<{ stop(): Promise<void> }> = [];
  const stop = async () => {
    await Promise.allSettled(started.splice(0).reverse().map((server) => server.stop()));
  };
  try {
    const workspace = buildDemoWorkspace();
    const notion = await startNotionEmulator({
      workspace,
      host,
      port: 0,
      tokens: [DEMO_NOTION_TOKEN],
      ...(options.notionRateLimit === false && { rateLimit: false as const }),
    });
    started.push(notion);
    const git = await startGitServer({ host, port: 0, tokens: [DEMO_GIT_TOKEN] });
    started.push(git);
    const openai = await startOpenAIEmulator({ host, port: 0, apiKey: DEMO_OPENAI_KEY });
    started.push(openai);
    const remoteUrl = git.repoUrl(DEMO_REPOSITORY);
    const env: Record<string, string> = {
      NOTION_TOKEN: DEMO_NOTION_TOKEN,
      NOTION_BASE_URL: notion.url,
      SOLUTIONS: DEMO_SOLUTION,
      [`${DEMO_SOLUTION.toUpperCase()}_ROOT_PAGE_ID`]: workspace.rootPageId,
      GITHUB_REPO_URL: remoteUrl,
      GITHUB_BRANCH: DEMO_BRANCH,
      GITHUB_TOKEN: DEMO_GIT_TOKEN,
      OPENAI_API_KEY: DEMO_OPENAI_KEY,
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_MODEL: openai.models[0],
    };
    return { notion, openai, git, remoteUrl, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
