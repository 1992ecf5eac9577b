import { Command } from 'commander';
import { version } from '../package.json';

/** The `zmp-manual` command. Sub-commands (export, translate, publish, demo) are added by their features. */
export function createProgram(): Command {
  return new Command('zmp-manual')
    .description('Publish product manuals written in Notion to Docusaurus sites in git, in many languages.')
    .version(version, '-v, --version', 'print the version')
    .showHelpAfterError();
}
