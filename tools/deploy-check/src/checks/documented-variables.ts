import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The section of a README from a `## heading` to the next heading of the same level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + heading.length + 4);
  return markdown.slice(start, end === -1 ? undefined : end);
}

/** The variables named in the first column of the section's tables: `| \`NAME\` | …`. `<SOL>` stays a pattern. */
function tableVariables(markdown: string): string[] {
  return [...markdown.matchAll(/^\| `([A-Z<][A-Z0-9_<>]*)` \|/gm)].map((match) => match[1]);
}

/**
 * Every environment variable each app reads, from the configuration tables of its README (the READMEs are the
 * reference the apps' specs keep honest): apps/api/README.md#configuration, apps/worker/README.md#configuration.
 */
export function documentedVariables(workspaceRoot: string): { api: string[]; worker: string[] } {
  const read = (path: string) => readFileSync(join(workspaceRoot, path), 'utf8');
  return {
    api: tableVariables(section(read('apps/api/README.md'), 'Configuration')),
    worker: tableVariables(section(read('apps/worker/README.md'), 'Configuration')),
  };
}

/** `<SOL>_ROOT_PAGE_ID` → `ZCP_ROOT_PAGE_ID`, … for each configured solution; other names as they are. */
export function expandSolutions(names: string[], solutions: string[]): string[] {
  return [
    ...new Set(
      names.flatMap((name) =>
        name.includes('<SOL>') ? solutions.map((id) => name.replace('<SOL>', id.toUpperCase().replace(/-/g, '_'))) : [name],
      ),
    ),
  ];
}
