import { join } from 'node:path';

export interface GitEnvOptions {
  /** A private, empty home directory: no user or XDG config is ever read. */
  home: string;
  /** Accept non-fast-forward pushes. */
  allowForcePush: boolean;
}

/** Fixed identity and dates of the commits `createRepository` makes, so their shas never change. */
export const COMMIT_IDENTITY: Readonly<Record<string, string>> = {
  GIT_AUTHOR_NAME: 'zmp git-server',
  GIT_AUTHOR_EMAIL: 'git-server@zmp-manual.invalid',
  GIT_AUTHOR_DATE: '@1704067200 +0000',
  GIT_COMMITTER_NAME: 'zmp git-server',
  GIT_COMMITTER_EMAIL: 'git-server@zmp-manual.invalid',
  GIT_COMMITTER_DATE: '@1704067200 +0000',
};

/**
 * The whole environment of every git process the server runs: nothing is inherited but PATH, the user's and the
 * system's git config are skipped, and the settings the server relies on are passed as command-line config
 * (which outranks any repository's own config).
 */
export function gitEnvironment({ home, allowForcePush }: GitEnvOptions): Record<string, string> {
  const config: Array<[string, string]> = [
    ['http.receivepack', 'true'],
    ['receive.denyNonFastForwards', allowForcePush ? 'false' : 'true'],
    ['receive.autogc', 'false'],
    ['gc.auto', '0'],
  ];
  return {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    GIT_CONFIG_COUNT: String(config.length),
    ...Object.fromEntries(
      config.flatMap(([key, value], index) => [
        [`GIT_CONFIG_KEY_${index}`, key],
        [`GIT_CONFIG_VALUE_${index}`, value],
      ]),
    ),
  };
}
