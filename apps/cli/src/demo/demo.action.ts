import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../cli-io';
import type { DemoFlags } from '../commands/demo.command';
import { runPublishCommand } from '../commands/publish.action';
import { failureLine, toFailure } from '../errors/failure';
import { EXIT_CODES } from '../exit-codes';
import { parseLanguages } from '../options/parse-languages';
import { DEMO_GIT_TOKEN, DEMO_SOLUTION, startDemoEnvironment } from './demo-environment';
import type { DemoEnvironment } from './demo-environment';
import { withRemoteTour } from './remote-tour';

/**
 * `zmp-manual demo`: starts the local Notion, git and OpenAI servers, publishes the demo manual through the
 * same code as `publish`, shows what the remote holds (from a fresh clone), and stops the servers (with
 * `--keep`, after Ctrl-C).
 */
export async function runDemoCommand(flags: DemoFlags, io: CliIo): Promise<number> {
  try {
    parseLanguages(flags.languages);
  } catch (error) {
    const failure = toFailure(error, []);
    io.stderr.write(`zmp-manual demo: ${failureLine(failure)}\n`);
    return failure.exitCode;
  }
  const environment = await startDemoEnvironment({ notionRateLimit: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'zmp-manual-demo-'));
  try {
    // The demo's settings only: nothing of the caller's environment leaks into it. The servers run without
    // rate limits so the demo takes seconds, not a minute.
    const env = { ...environment.env, TRANSLATION_PROVIDER: flags.provider, NOTION_RATE_LIMIT: '0' };
    const code = await runPublishCommand(
      { ...flags, solution: DEMO_SOLUTION, dataDir },
      { ...io, env },
      { command: 'demo', extend: (outcome, output) => withRemoteTour(environment, outcome, output) },
    );
    if (code === EXIT_CODES.success && flags.keep) await keepRunning(environment, io, flags);
    return code;
  } finally {
    await environment.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function keepRunning(environment: DemoEnvironment, io: CliIo, flags: DemoFlags): Promise<void> {
  if (!flags.json && !flags.quiet) {
    io.stdout.write(
      [
        '',
        'The servers keep running (demo credentials, local only):',
        `  Notion API  ${environment.notion.url}  token ${environment.env['NOTION_TOKEN']}`,
        `  OpenAI API  ${environment.openai.baseURL}  key ${environment.env['OPENAI_API_KEY']}`,
        `  git         ${environment.remoteUrl}  user x-access-token, password ${DEMO_GIT_TOKEN}`,
        'Press Ctrl-C to stop them.',
        '',
      ].join('\n'),
    );
  }
  await new Promise<void>((resolve) => {
    const off = io.interrupts.onInterrupt(() => {
      off();
      resolve();
    });
  });
}
