import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommonOptions } from '../options/common-options';
import { addCommonOptions } from '../options/common-options';
import type { ProgramContext } from '../program-context';
import { runExportCommand } from './export.action';
import { baseCommand } from './base-command';
import { addCommandHelp } from './command-help';
import { DATA_DIR_VAR, NOTION_VARS, settingsVars } from './env-vars';

export interface ExportFlags extends CommonOptions {
  solution: string;
  page?: string;
  directory?: boolean;
  site: string;
  layout?: 'single' | 'per-solution';
  dataDir?: string;
}

export function exportCommand(context: ProgramContext): Command {
  const command = baseCommand('export', context)
    .summary('export a solution (or one page) from Notion into a Docusaurus site folder, without git')
    .description(
      'Exports the solution from Notion and writes it into a Docusaurus site folder (docs/, static/img/, ' +
        '_category_.json files). With --page, only that page (and with --directory its whole subtree) is ' +
        "written; the rest of the solution's pages in the site stay as they are. Nothing is committed.",
    )
    .requiredOption('--solution <id>', 'the solution to export (zcp, apim, …): its <SOL>_ROOT_PAGE_ID must be set')
    .option('--page <id>', "the Notion page to export, dashed or not (default: the solution's root page)")
    .option('--directory', "with --page: export the page's whole subtree")
    .requiredOption('--site <dir>', 'the Docusaurus site folder to write into (must exist)')
    .addOption(new Option('--layout <layout>', 'one docs plugin, or one plugin per solution (SITE_LAYOUT)').choices(['single', 'per-solution']))
    .option('--data-dir <dir>', 'where the export state is kept, so the next export only reads changed pages (ZMP_MANUAL_DATA_DIR)');
  addCommonOptions(command);
  addCommandHelp(command, {
    env: [...settingsVars([...NOTION_VARS, 'SITE_LAYOUT']), DATA_DIR_VAR],
    examples: ['zmp-manual export --solution zcp --site ./website', 'zmp-manual export --solution zcp --page 1f2e3d4c5b6a79881726354453627180 --directory --site ./website --json'],
  });
  return command.action(async () => context.setExitCode(await runExportCommand(command.opts<ExportFlags>(), context.io)));
}
