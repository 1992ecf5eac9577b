/**
 * Runs the git server until SIGINT/SIGTERM:
 *   GIT_SERVER_TOKEN=secret npx tsx tools/git-server/src/cli.ts --port 4020
 * See `USAGE` in ./cli-options for every flag and variable.
 */
import { parseCliOptions, USAGE } from './cli-options';
import { startGitServer } from './server';
import type { CliOptions } from './cli-options';
import type { GitServer } from './types';

async function main(): Promise<void> {
  let options: CliOptions | undefined;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`git-server: ${message(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const server = await startGitServer({
    ...options.server,
    log: options.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`${describe(server, options)}\n`);

  const shutdown = (signal: NodeJS.Signals) => {
    process.stdout.write(`${signal} received, stopping\n`);
    server.stop().then(
      () => process.stdout.write('git server stopped\n'),
      (error: unknown) => {
        process.stderr.write(`git-server: stop failed: ${message(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** The start-up banner: URL, root and the kind of auth — never a secret. */
function describe(server: GitServer, { server: options }: CliOptions): string {
  const tokens = options.tokens?.length ?? 0;
  const users = options.credentials?.map((credential) => credential.username) ?? [];
  const auth =
    tokens + users.length === 0
      ? 'none (every request is accepted)'
      : [
          tokens > 0 ? `${tokens} token${tokens === 1 ? '' : 's'}` : undefined,
          users.length > 0 ? `users ${users.join(', ')}` : undefined,
          options.anonymousRead ? 'anonymous read' : undefined,
        ]
          .filter((part) => part !== undefined)
          .join(', ');
  const creation = options.autoCreate === false ? 'no auto-create' : `created on demand: ${server.url}/<name>.git`;
  return [
    `git server listening on ${server.url}`,
    `  repositories ${server.root} (${creation})`,
    `  auth ${auth}`,
  ].join('\n');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`git-server: failed to start: ${message(error)}\n`);
  process.exitCode = 1;
});
