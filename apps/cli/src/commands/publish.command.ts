import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommonOptions } from '../options/common-options';
import { addCommonOptions } from '../options/common-options';
import type { ProgramContext } from '../program-context';
import { baseCommand } from './base-command';
import { addCommandHelp } from './command-help';
import { DATA_DIR_VAR, GIT_VARS, NOTION_VARS, settingsVars, TRANSLATION_VARS } from './env-vars';
import { runPublishCommand } from './publish.action';

export interface PublishFlags extends CommonOptions {
  solution: string;
  page?: string;
  directory?: boolean;
  languages?: string;
  provider?: 'openai' | 'pseudo';
  dataDir?: string;
}

export function publishCommand(context: ProgramContext): Command {
  const command = baseCommand('publish', context)
    .summary('export, translate, commit and push a solution (or one page) to its git repository')
    .description(
      'Runs the publish job in this process, as the worker does: checks out the repository (a working copy ' +
        'kept in the data folder), exports from Notion, commits, translates, commits, pushes (never forced). ' +
        'A second identical publish makes no commit. No Redis needed.',
    )
    .requiredOption('--solution <id>', 'the solution to publish (zcp, apim, …): its <SOL>_ROOT_PAGE_ID and repository must be set')
    .option('--page <id>', "the Notion page to publish, dashed or not (default: the solution's root page)")
    .option('--directory', "with --page: publish the page's whole subtree")
    .option('--languages <codes>', 'comma-separated target languages, e.g. ko,ja; "" for none (TARGET_LANGUAGES)')
    .addOption(new Option('--provider <name>', 'translation provider (TRANSLATION_PROVIDER)').choices(['openai', 'pseudo']))
    .option('--data-dir <dir>', 'working copies, export state and translation memory (ZMP_MANUAL_DATA_DIR)');
  addCommonOptions(command);
  addCommandHelp(command, {
    env: [...settingsVars([...NOTION_VARS, ...GIT_VARS, 'TARGET_LANGUAGES', ...TRANSLATION_VARS, 'SITE_LAYOUT']), DATA_DIR_VAR],
    examples: ['zmp-manual publish --solution zcp --languages ko,ja', 'zmp-manual publish --solution zcp --page 1f2e3d4c-5b6a-7988-1726-354453627180 --directory --json'],
  });
  return command.action(async () => context.setExitCode(await runPublishCommand(command.opts<PublishFlags>(), context.io)));
}
