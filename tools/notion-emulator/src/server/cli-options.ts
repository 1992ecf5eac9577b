import { parseArgs } from 'node:util';
import type { RateLimitOptions } from './rate-limiter';

export const CLI_HELP = `Usage: notion-emulator [options]

Serves a fixture workspace over the Notion REST API (Notion-Version 2025-09-03).

  --workspace <dir>     workspace folder (default: tools/notion-emulator/fixtures/demo)
  --generated <pages>   serve a generated workspace of this many pages instead (an integer >= 1)
  --port <n>            port, 0..65535 (default 4030; 0 = any free port)
  --host <addr>         address to bind (default 127.0.0.1)
  --token <token>       integration token to accept (default secret_emulator)
  --rate-limit <n>      average requests per second, a number >= 0; 0 = off (default 3)
  --burst <n>           requests allowed at once, an integer >= 1 (default 5)
  --fault-rate <0..1>   share of API requests answered 500/502/503 (default 0)
  --help                show this text`;

export interface CliOptions {
  help: boolean;
  /** Workspace folder to load; ignored when `generated` is set. */
  workspace: string;
  /** Pages of a generated workspace to serve instead of `workspace`. */
  generated?: number;
  port: number;
  host: string;
  token: string;
  rateLimit: RateLimitOptions | false;
  faultRate: number;
}

/** A command line the CLI refuses: print the message and exit 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** A decimal number, all of it: `Number('')` is 0 and `Number('0x10')` is 16, neither of which a flag means. */
function number(flag: string, raw: string, what: string, ok: (n: number) => boolean): number {
  const trimmed = raw.trim();
  const value = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value) || !ok(value)) throw new CliUsageError(`--${flag} must be ${what}, got "${raw}".`);
  return value;
}

const integer = (min: number, max = Number.MAX_SAFE_INTEGER) => (n: number) => Number.isInteger(n) && n >= min && n <= max;

/** Parses and validates the command line (without `node` and the script). Throws `CliUsageError`. */
export function parseCliOptions(args: string[], defaultWorkspace: string): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        workspace: { type: 'string', default: defaultWorkspace },
        generated: { type: 'string' },
        port: { type: 'string', default: '4030' },
        host: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string', default: 'secret_emulator' },
        'rate-limit': { type: 'string', default: '3' },
        burst: { type: 'string', default: '5' },
        'fault-rate': { type: 'string', default: '0' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const str = (name: string) => String(values[name]);
  const rate = number('rate-limit', str('rate-limit'), 'a number >= 0 (0 turns the limit off)', (n) => n >= 0);
  const burst = number('burst', str('burst'), 'an integer >= 1', integer(1));
  if (str('token') === '') throw new CliUsageError('--token must not be empty.');
  return {
    help: values.help === true,
    workspace: str('workspace'),
    generated:
      values.generated === undefined ? undefined : number('generated', str('generated'), 'an integer >= 1', integer(1)),
    port: number('port', str('port'), 'an integer within 0..65535', integer(0, 65535)),
    host: str('host'),
    token: str('token'),
    rateLimit: rate > 0 ? { requestsPerSecond: rate, burst } : false,
    faultRate: number('fault-rate', str('fault-rate'), 'a number within 0..1', (n) => n >= 0 && n <= 1),
  };
}
