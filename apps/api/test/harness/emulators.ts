import { startGitServer } from '@zmp-manual/git-server';
import type { GitServer } from '@zmp-manual/git-server';
import { startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator, Workspace } from '@zmp-manual/notion-emulator';
import { startOidcEmulator } from '@zmp-manual/oidc-emulator';
import type { OidcEmulator } from '@zmp-manual/oidc-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import { SECRETS } from './secrets';
import { CLIENT_ID, REALM, USERS } from './users';

export interface Emulators {
  notion: NotionEmulator;
  openai: OpenAIEmulator;
  git: GitServer;
  oidc: OidcEmulator;
  stop(): Promise<void>;
}

/** The four emulators in the test process, over real HTTP; the API and the worker reach them on loopback. */
export async function startEmulators(workspace: Workspace): Promise<Emulators> {
  const notion = await startNotionEmulator({ workspace, tokens: [SECRETS.notionToken], rateLimit: false });
  const openai = await startOpenAIEmulator({ apiKey: SECRETS.openaiKey });
  const git = await startGitServer({ tokens: [SECRETS.gitToken] });
  const oidc = await startOidcEmulator({ realm: REALM, clientId: CLIENT_ID, clientSecret: SECRETS.clientSecret, users: Object.values(USERS) });
  return {
    notion,
    openai,
    git,
    oidc,
    stop: async () => {
      await Promise.allSettled([notion.stop(), openai.stop(), git.stop(), oidc.stop()]);
    },
  };
}
