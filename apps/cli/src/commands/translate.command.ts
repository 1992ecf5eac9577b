import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommonOptions } from '../options/common-options';
import { addCommonOptions } from '../options/common-options';
import type { ProgramContext } from '../program-context';
import { baseCommand } from './base-command';
import { addCommandHelp } from './command-help';
import { DATA_DIR_VAR, settingsVars, TRANSLATION_VARS } from './env-vars';
import { runTranslateCommand } from './translate.action';

export interface TranslateFlags extends CommonOptions {
  solution: string;
  site: string;
  languages: string;
  page?: string;
  directory?: boolean;
  provider?: 'openai' | 'pseudo';
  layout?: 'single' | 'per-solution';
  dataDir?: string;
}

export function translateCommand(context: ProgramContext): Command {
  const command = baseCommand('translate', context)
    .summary("translate a solution's docs in a Docusaurus site folder into other languages")
    .description(
      "Translates the solution's docs that `export` wrote in the site folder into each language and writes them " +
        'under i18n/<lang>/ (with translated category labels). Unchanged segments come from the translation ' +
        'memory and cost no tokens. Nothing is committed.',
    )
    .requiredOption('--solution <id>', 'the solution whose docs to translate')
    .requiredOption('--site <dir>', 'the Docusaurus site folder `export` wrote')
    .requiredOption('--languages <codes>', 'comma-separated target languages, e.g. ko,ja')
    .option('--page <id>', 'translate only this page (default: every page of the solution in the site)')
    .option('--directory', "with --page: translate the page's whole subtree")
    .addOption(new Option('--provider <name>', 'translation provider (TRANSLATION_PROVIDER)').choices(['openai', 'pseudo']))
    .addOption(new Option('--layout <layout>', 'the layout the site was written with (SITE_LAYOUT)').choices(['single', 'per-solution']))
    .option('--data-dir <dir>', 'where the translation memory is kept (ZMP_MANUAL_DATA_DIR)');
  addCommonOptions(command);
  addCommandHelp(command, {
    env: [...settingsVars([...TRANSLATION_VARS, 'SITE_LAYOUT']), DATA_DIR_VAR],
    notes: ['Reads no Notion page: NOTION_TOKEN and <SOL>_ROOT_PAGE_ID are not needed.'],
    examples: ['zmp-manual translate --solution zcp --site ./website --languages ko,ja --provider pseudo'],
  });
  return command.action(async () => context.setExitCode(await runTranslateCommand(command.opts<TranslateFlags>(), context.io)));
}
