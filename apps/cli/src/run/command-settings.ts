import { loadSettings } from '@zmp-manual/publish-pipeline';
import type { PipelineSettings } from '@zmp-manual/publish-pipeline';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { CliIo } from '../cli-io';
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

/** `loadSettings` over `commandEnv(…)`: throws the pipeline's `SettingsError` naming the variable. */
export function commandSettings(env: Env, solution: string, flags: Record<string, string | undefined> = {}): PipelineSettings {
  return loadSettings(commandEnv(env, solution, flags));
}

/** Stand-ins for the Notion variables `loadSettings` requires, for `translate`, which reads no Notion page. */
const NO_NOTION = { token: 'unused-by-translate', rootPageId: '00000000000000000000000000000000' };

/**
 * The settings of `translate`: the translation variables as `commandSettings` reads them; `NOTION_TOKEN` and
 * `<SOL>_ROOT_PAGE_ID` are not needed (stand-ins when unset; the settings never reach a Notion client).
 */
export function translationSettings(env: Env, solution: string, flags: Record<string, string | undefined> = {}): PipelineSettings {
  const merged = commandEnv(env, solution, flags);
  const rootVariable = `${solution.toUpperCase().replace(/-/g, '_')}_ROOT_PAGE_ID`;
  if (!merged['NOTION_TOKEN']?.trim()) merged['NOTION_TOKEN'] = NO_NOTION.token;
  if (!merged[rootVariable]?.trim()) merged[rootVariable] = NO_NOTION.rootPageId;
  return loadSettings(merged);
}

/** `--data-dir`, else `ZMP_MANUAL_DATA_DIR`, else `$XDG_CACHE_HOME/zmp-manual`, else `~/.cache/zmp-manual`. */
export function resolveDataDir(flag: string | undefined, io: CliIo): string {
  const chosen = flag ?? io.env['ZMP_MANUAL_DATA_DIR']?.trim();
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(io.cwd, chosen);
  const cache = io.env['XDG_CACHE_HOME']?.trim();
  return join(cache && isAbsolute(cache) ? cache : join(io.env['HOME']?.trim() || homedir(), '.cache'), 'zmp-manual');
}

/** `--site`: resolved against the working folder. */
export function resolveSite(site: string, io: CliIo): string {
  return isAbsolute(site) ? site : resolve(io.cwd, site);
}
