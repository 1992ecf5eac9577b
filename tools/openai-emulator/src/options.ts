import type { FaultSwitches } from './faults';
import { DEFAULT_PLACEHOLDER_PATTERN } from './placeholders';
import type { EmulatorStats } from './stats';
import { isLanguageCode } from './translate';

export interface OpenAIEmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** The only key accepted in `Authorization: Bearer <key>` (default `sk-emulator`). */
  apiKey?: string;
  /** Model ids accepted by `/v1/chat/completions` and listed by `/v1/models`. */
  models?: readonly string[];
  /** Fault switches active from the start (see `setFaults`). */
  faults?: FaultSwitches;
  /** What counts as a placeholder in the texts to translate (default: `DEFAULT_PLACEHOLDER_PATTERN`). */
  placeholderPattern?: RegExp;
  /** Language used when the messages name none (default `xx`). */
  defaultTargetLanguage?: string;
  /** Code points of content per streamed chunk (default 16). */
  streamChunkSize?: number;
  /** Largest accepted request body in bytes (default 10 MiB). */
  maxBodyBytes?: number;
  /** Milliseconds since the epoch, for the `created` field (default `Date.now`). */
  clock?: () => number;
}

export interface OpenAIEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `url + '/v1'`: what `new OpenAI({ baseURL })` takes. */
  readonly baseURL: string;
  readonly port: number;
  readonly apiKey: string;
  readonly models: readonly string[];
  stats(): EmulatorStats;
  resetStats(): void;
  /** Replaces every fault switch (a switch left out is off). Throws a TypeError on a bad switch. */
  setFaults(faults: FaultSwitches): void;
  /** The switches still on, with their remaining counts. */
  faults(): FaultSwitches;
  /** Resets the stats and turns every fault switch off (what `POST /__reset` does). */
  reset(): void;
  /** Closes the server and every open connection; pending answers are dropped. */
  stop(): Promise<void>;
}

export const DEFAULT_API_KEY = 'sk-emulator';
export const DEFAULT_MODELS: readonly string[] = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1'];
export const DEFAULT_TARGET_LANGUAGE = 'xx';

export interface EmulatorSettings {
  port: number;
  host: string;
  apiKey: string;
  models: readonly string[];
  placeholderPattern: RegExp;
  defaultTargetLanguage: string;
  streamChunkSize: number;
  maxBodyBytes: number;
  clock: () => number;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${name} must be a positive integer`);
  return value;
}

/** Fills in the defaults and rejects bad values with a TypeError naming the option. */
export function resolveSettings(options: OpenAIEmulatorOptions): EmulatorSettings {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError('port must be an integer 0-65535');
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  if (apiKey === '') throw new TypeError('apiKey must not be empty');
  const models = [...(options.models ?? DEFAULT_MODELS)];
  if (models.length === 0 || models.some((model) => model === '')) {
    throw new TypeError('models must be a non-empty list of non-empty ids');
  }
  const defaultTargetLanguage = options.defaultTargetLanguage ?? DEFAULT_TARGET_LANGUAGE;
  if (!isLanguageCode(defaultTargetLanguage)) throw new TypeError('defaultTargetLanguage must be a language code');
  return {
    port,
    host: options.host ?? '127.0.0.1',
    apiKey,
    models,
    placeholderPattern: options.placeholderPattern ?? DEFAULT_PLACEHOLDER_PATTERN,
    defaultTargetLanguage,
    streamChunkSize: positiveInteger(options.streamChunkSize ?? 16, 'streamChunkSize'),
    maxBodyBytes: positiveInteger(options.maxBodyBytes ?? 10 * 1024 * 1024, 'maxBodyBytes'),
    clock: options.clock ?? Date.now,
  };
}
