import { startGitServer } from '@zmp-manual/git-server';
import type { GitServer } from '@zmp-manual/git-server';
import { startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator, Workspace } from '@zmp-manual/notion-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';

export const NOTION_TOKEN = 'secret_e2e_notion_token';
export const OPENAI_KEY = 'sk-e2e-openai-key';
export const GIT_TOKEN = 'ghp_e2e_git_token_0123456789';

export interface Emulators {
  notion: NotionEmulator;
  openai: OpenAIEmulator;
  git: GitServer;
  stop(): Promise<void>;
}

/** The three emulators in the test process, over real HTTP; the workers reach them on loopback. */
export async function startEmulators(workspace: Workspace): Promise<Emulators> {
  const notion = await startNotionEmulator({ workspace, tokens: [NOTION_TOKEN], rateLimit: false });
  const openai = await startOpenAIEmulator({ apiKey: OPENAI_KEY });
  const git = await startGitServer({ tokens: [GIT_TOKEN] });
  return {
    notion,
    openai,
    git,
    stop: async () => {
      await Promise.allSettled([notion.stop(), openai.stop(), git.stop()]);
    },
  };
}
