import { SETTINGS_ENV_VARS } from '@zmp-manual/publish-pipeline';

/** The variables that hold secrets (`NOTION_TOKEN`, `GITHUB_TOKEN`, `OPENAI_API_KEY`), as the pipeline marks them. */
const SECRET_VARIABLES = SETTINGS_ENV_VARS.filter((variable) => variable.secret).map((variable) => variable.name);

/** The values of the secret variables in the environment the command runs with: masked in everything it prints. */
export function secretsOf(env: Readonly<Record<string, string | undefined>>): string[] {
  return SECRET_VARIABLES.map((name) => env[name]?.trim() ?? '').filter((value) => value.length > 0);
}
