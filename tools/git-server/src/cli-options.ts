import { parseArgs } from 'node:util';
import { GitServerError } from './git-server-error';
import { branchName } from './names';
import type { GitCredential, GitServerOptions } from './types';

/** Port used by the CLI when neither `--port` nor `GIT_SERVER_PORT` is given. */
export const CLI_DEFAULT_PORT = 4020;

export const USAGE = `Usage: npx tsx tools/git-server/src/cli.ts [options]
  --port <n>              port (default ${CLI_DEFAULT_PORT}; 0 picks a free port)      env GIT_SERVER_PORT
  --host <addr>           interface (default 127.0.0.1)                 env GIT_SERVER_HOST
  --root <dir>            repositories directory                        env GIT_SERVER_ROOT
                          (default: a temp dir, removed on exit)
  --token <token>         accepted token, repeatable                    env GIT_SERVER_TOKEN (comma-separated)
  --user <name:password>  accepted Basic login, repeatable              env GIT_SERVER_USER (comma-separated)
  --anonymous-read        clones and fetches need no credentials        env GIT_SERVER_ANONYMOUS_READ=1
  --no-auto-create        answer 404 for unknown repositories instead of creating them
  --allow-force-push      accept non-fast-forward pushes
  --default-branch <name> HEAD of created repositories (default main)
  --git <path>            git executable (default git)
  --quiet                 no request log
  -h, --help              show this help
With neither a token nor a user, every request is accepted.
Prefer the variables for secrets: other local users can read command lines.`;

export interface CliOptions {
  server: GitServerOptions;
  /** Do not print a line per request. */
  quiet: boolean;
}

/**
 * Reads the command line; a flag wins over its `GIT_SERVER_*` variable of `env`. Undefined means `--help`.
 * A bad value throws a `GitServerError` (`invalid_option`) naming the flag, never repeating a secret.
 */
export function parseCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      root: { type: 'string' },
      token: { type: 'string', multiple: true },
      user: { type: 'string', multiple: true },
      'anonymous-read': { type: 'boolean' },
      'no-auto-create': { type: 'boolean' },
      'allow-force-push': { type: 'boolean' },
      'default-branch': { type: 'string' },
      git: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;

  const portText = values.port ?? env['GIT_SERVER_PORT'] ?? String(CLI_DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw invalid('--port', `--port must be 0-65535, got ${JSON.stringify(portText)}`);
  }
  const tokens = values.token ?? fromEnv(env, 'GIT_SERVER_TOKEN', '--token');
  if (tokens.some((token) => token === '')) throw invalid('--token', '--token must not be empty');
  const credentials = (values.user ?? fromEnv(env, 'GIT_SERVER_USER', '--user')).map(credential);
  const defaultBranch = values['default-branch'];
  if (defaultBranch !== undefined) {
    try {
      branchName(defaultBranch);
    } catch {
      throw invalid('--default-branch', `--default-branch must be a valid branch name, got ${JSON.stringify(defaultBranch)}`);
    }
  }

  return {
    server: {
      port: Number(portText),
      host: values.host ?? env['GIT_SERVER_HOST'] ?? '127.0.0.1',
      root: values.root ?? (env['GIT_SERVER_ROOT'] || undefined),
      tokens,
      credentials,
      anonymousRead: values['anonymous-read'] ?? isTrue(env['GIT_SERVER_ANONYMOUS_READ']),
      autoCreate: !values['no-auto-create'],
      allowForcePush: values['allow-force-push'] ?? false,
      defaultBranch,
      gitBinary: values.git,
    },
    quiet: values.quiet ?? false,
  };
}

/** `name:password`; the password may contain colons. The error never repeats the value. */
function credential(text: string): GitCredential {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    throw invalid('--user', '--user must be name:password with both parts non-empty');
  }
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * A comma-separated variable. Set but without any item (`""`, `" "`, `","`) is an error, not "no auth": an
 * empty secret in a deployment must not silently open the server.
 */
function fromEnv(env: NodeJS.ProcessEnv, name: string, flag: string): string[] {
  const text = env[name];
  const items = list(text);
  if (text !== undefined && items.length === 0) {
    throw invalid(flag, `${name} is set but holds no value; unset it to run without ${flag === '--token' ? 'tokens' : 'users'}`);
  }
  return items;
}

function list(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isTrue(text: string | undefined): boolean {
  return text !== undefined && ['1', 'true', 'yes'].includes(text.trim().toLowerCase());
}

function invalid(subject: string, message: string): GitServerError {
  return new GitServerError('invalid_option', message, { subject });
}
