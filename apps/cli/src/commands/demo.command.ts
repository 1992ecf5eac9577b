import type { Command } from 'commander';
import { Option } from 'commander';
import type { runDemoCommand as RunDemoCommand } from '../demo/demo.action';
import { EXIT_CODES } from '../exit-codes';
import type { CommonOptions } from '../options/common-options';
import { addCommonOptions } from '../options/common-options';
import type { ProgramContext } from '../program-context';
import { baseCommand } from './base-command';
import { addCommandHelp } from './command-help';

export interface DemoFlags extends CommonOptions {
  languages: string;
  provider: 'openai' | 'pseudo';
  keep?: boolean;
}

export function demoCommand(context: ProgramContext): Command {
  const command = baseCommand('demo', context)
    .summary('publish the demo manual to a local git server, all in this process')
    .description(
      'Starts the Notion emulator (the demo manual), a git server and the OpenAI emulator on free local ports, ' +
        'publishes the demo manual into the languages, prints the summary, the remote URL, the commits and a ' +
        'few pushed files (from a clone of the remote), then stops everything.',
    )
    .option('--languages <codes>', 'comma-separated target languages', 'ko,ja')
    .addOption(new Option('--provider <name>', 'translate with the OpenAI emulator or offline pseudo-localisation').choices(['openai', 'pseudo']).default('openai'))
    .option('--keep', 'keep the servers running after the publish, until Ctrl-C');
  addCommonOptions(command);
  addCommandHelp(command, {
    env: [],
    notes: ['The demo reads no settings from the environment: it makes its own for the local servers it starts.', 'It runs from the repository (npm run cli -- demo), where the emulators in tools/ are.'],
    examples: ['zmp-manual demo', 'zmp-manual demo --languages ko --provider pseudo --keep'],
  });
  return command.action(async () => {
    // Loaded only when asked for: the emulators are TypeScript tools of the repository, not dependencies of the
    // built CLI, so the other commands run from dist/ with plain node.
    let runDemoCommand: typeof RunDemoCommand;
    try {
      ({ runDemoCommand } = await import('../demo/demo.action.js'));
    } catch {
      context.io.stderr.write('zmp-manual demo: the demo starts the emulators in tools/: run it from the repository (npm run cli -- demo)\n');
      context.setExitCode(EXIT_CODES.failed);
      return;
    }
    context.setExitCode(await runDemoCommand(command.opts<DemoFlags>(), context.io));
  });
}
