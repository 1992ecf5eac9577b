import { parseArgs } from 'node:util';
import { parseFaultSwitches } from './faults';
import type { OpenAIEmulatorOptions } from './options';
import { isLanguageCode } from './translate';

/** Port used by the CLI when neither `--port` nor `OPENAI_EMULATOR_PORT` is given. */
export const CLI_DEFAULT_PORT = 4010;

export const USAGE = `Usage: tsx tools/openai-emulator/src/cli.ts [options]
  --port <n>          port to listen on (default 4010; 0 picks a free port)   env OPENAI_EMULATOR_PORT
  --host <addr>       interface (default 127.0.0.1)                           env OPENAI_EMULATOR_HOST
  --api-key <key>     accepted bearer key (default sk-emulator)               env OPENAI_EMULATOR_API_KEY
  --model <id>        accepted model, repeatable (default gpt-4o-mini, gpt-4o, gpt-4.1-mini, gpt-4.1)
  --language <code>   target language when the prompt names none (default xx)
  --faults <json>     initial fault switches, e.g. '{"rateLimit":{"count":2,"retryAfterSeconds":1}}'
  --delay-ms <n>      slow every answer down by n milliseconds
  -h, --help          show this help`;

/**
 * Reads the command line (flags win over the `OPENAI_EMULATOR_*` variables of `env`). Undefined means
 * `--help`; a bad value throws a TypeError naming the flag.
 */
export function parseCliOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): OpenAIEmulatorOptions | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      model: { type: 'string', multiple: true },
      language: { type: 'string' },
      faults: { type: 'string' },
      'delay-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return undefined;
  const portText = values.port ?? env.OPENAI_EMULATOR_PORT ?? String(CLI_DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new TypeError(`--port must be 0-65535, got "${portText}"`);
  let faultInput: unknown = {};
  if (values.faults !== undefined) {
    try {
      faultInput = JSON.parse(values.faults);
    } catch {
      throw new TypeError('--faults must be JSON');
    }
  }
  const faults = parseFaultSwitches(faultInput);
  if (values['delay-ms'] !== undefined) {
    const delayMs = Number(values['delay-ms']);
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new TypeError('--delay-ms must be a non-negative number');
    faults.delayMs = delayMs;
  }
  if (values.language !== undefined && !isLanguageCode(values.language)) {
    throw new TypeError(`--language must be a language code such as ko or pt-BR, got "${values.language}"`);
  }
  if (values.model !== undefined && values.model.some((model) => model.trim() === '')) throw new TypeError('--model must not be empty');
  return {
    port,
    host: values.host ?? env.OPENAI_EMULATOR_HOST,
    apiKey: values['api-key'] ?? env.OPENAI_EMULATOR_API_KEY,
    models: values.model,
    defaultTargetLanguage: values.language,
    faults,
  };
}
