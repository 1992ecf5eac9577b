import { loadSettings } from '@zmp-manual/publish-pipeline';
import type { LoadedSettings, SettingsPart } from '@zmp-manual/publish-pipeline';
import { UsageError } from '../errors/usage-error';

type Env = Readonly<Record<string, string | undefined>>;

const SOLUTION_ID = /^[a-z0-9][a-z0-9_-]*$/;

/** `--solution`: a lower-case id, as `SOLUTIONS` lists them. */
export function checkSolutionId(id: string): string {
  if (!SOLUTION_ID.test(id)) throw new UsageError(`--solution: "${id}" is not a solution id (lower-case letters, digits, - and _)`);
  return id;
}

/**
 * The environment the settings are read from: the process's, with each flag given written over the variable
 * it stands for. `SOLUTIONS` becomes the one solution asked for, so only its variables need to be set.
 */
export function commandEnv(env: Env, solution: string, flags: Record<string, string | undefined>): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...env, SOLUTIONS: solution };
  for (const [name, value] of Object.entries(flags)) if (value !== undefined) merged[name] = value;
  return merged;
}

/**
 * `loadSettings` over `commandEnv(…)`, requiring only the parts the command uses (`export`: Notion,
 * `translate`: the translation, `publish`: both). Throws the pipeline's `SettingsError` naming the variable.
 */
export function commandSettings<const P extends SettingsPart>(env: Env, solution: string, flags: Record<string, string | undefined>, require: readonly P[]): LoadedSettings<P> {
  return loadSettings(commandEnv(env, solution, flags), { require });
}
