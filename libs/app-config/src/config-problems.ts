import { SettingsError } from '@zmp-manual/publish-pipeline';
import { ConfigError } from './config.error';

/** One bad setting: the variable and a sentence that starts with its name (never its value). */
export interface EnvProblem {
  variable: string;
  text: string;
}

/** zod issues of an env schema whose keys are the variable names, as problems. */
export function envProblems(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): EnvProblem[] {
  return issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(env)');
    return { variable, text: `${variable} ${issue.message}` };
  });
}

/** One `ConfigError` naming every variable at fault: `Invalid <what> configuration: A …; B …`. */
export function configErrorOf(what: string, problems: readonly EnvProblem[]): ConfigError {
  return new ConfigError([...new Set(problems.map((p) => p.variable))].join(', '), `Invalid ${what} configuration: ${problems.map((p) => p.text).join('; ')}`);
}

/** What `load` returns (publish-pipeline's `loadSettings`), or the problem its `SettingsError` names (it stops at its first). */
export function settingsOrProblem<T>(load: () => T): T | EnvProblem {
  try {
    return load();
  } catch (error) {
    if (error instanceof SettingsError) return { variable: error.variable, text: error.message };
    throw error;
  }
}

/** Whether `value` is a problem (rather than settings). */
export function isProblem(value: unknown): value is EnvProblem {
  return typeof value === 'object' && value !== null && 'variable' in value && 'text' in value;
}
