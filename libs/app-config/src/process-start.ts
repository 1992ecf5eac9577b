import { ConfigError } from './config.error';

/**
 * The configuration `load` returns, or: print one line naming the bad variables (never their values) and exit 1.
 * For an app's `main.ts`.
 */
export function loadConfigOrExit<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Invalid ${what} configuration: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** A URL fit for a log line: its password masked (`redis://:***@host:6379`). */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(url)';
  }
}
