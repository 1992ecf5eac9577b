import { NotionError, OptionsError } from './notion-error';

export type FaultStatus = 500 | 502 | 503;

export interface FaultOptions {
  /** Probability (0–1) that an API request fails with one of `statuses`. */
  rate?: number;
  /** Statuses to choose from, in turn. Default: 500, 502, 503. */
  statuses?: FaultStatus[];
  /** Seed of the pseudo-random sequence, so a faulty run can be replayed. */
  seed?: number;
  /** Fail exactly the next requests with these statuses, in order, before `rate` applies. */
  next?: FaultStatus[];
}

const FAULT_ERRORS: Record<FaultStatus, () => NotionError> = {
  500: () => new NotionError(500, 'internal_server_error', 'Unexpected error occurred. (injected by the emulator)'),
  502: () => new NotionError(502, 'bad_gateway', 'Bad Gateway. (injected by the emulator)'),
  503: () =>
    new NotionError(503, 'service_unavailable', 'Notion is unavailable, please try again later. (injected by the emulator)'),
};

const FAULT_STATUSES: readonly FaultStatus[] = [500, 502, 503];

function checkStatuses(value: unknown, field: string): FaultStatus[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((s) => FAULT_STATUSES.includes(s as FaultStatus))) {
    throw new OptionsError(`faults.${field} must be an array of 500, 502 or 503, got ${JSON.stringify(value)}.`);
  }
  return [...(value as FaultStatus[])];
}

/** Validates fault options (possibly straight from a JSON body) without touching any injector. */
export function checkFaultOptions(options: unknown): { rate: number; statuses: FaultStatus[]; seed: number; next: FaultStatus[] } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionsError('fault options must be an object like {"rate": 0.1} or {"next": [503]}.');
  }
  const o = options as Record<string, unknown>;
  const rate = o.rate ?? 0;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new OptionsError(`faults.rate must be a number within 0..1, got ${JSON.stringify(rate)}.`);
  }
  const seed = o.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new OptionsError(`faults.seed must be an integer, got ${JSON.stringify(seed)}.`);
  }
  const statuses = checkStatuses(o.statuses, 'statuses');
  const next = checkStatuses(o.next, 'next') ?? [];
  return { rate, statuses: statuses?.length ? statuses : [...FAULT_STATUSES], seed: seed >>> 0 || 1, next };
}

/** Decides, request by request, whether to answer with an injected server error. */
export class FaultInjector {
  private queue: FaultStatus[] = [];
  private rate = 0;
  private statuses: FaultStatus[] = [500, 502, 503];
  private state = 1;
  private turn = 0;

  constructor(options: FaultOptions = {}) {
    this.configure(options);
  }

  /**
   * Replaces the whole configuration. Everything is validated before anything is stored, so a refused
   * configuration leaves the previous one in place.
   */
  configure(options: FaultOptions): void {
    const checked = checkFaultOptions(options);
    this.queue = checked.next;
    this.rate = checked.rate;
    this.statuses = checked.statuses;
    this.state = checked.seed;
    this.turn = 0;
  }

  /** The error to answer with, or undefined to serve the request normally. */
  next(): NotionError | undefined {
    const queued = this.queue.shift();
    if (queued) return FAULT_ERRORS[queued]();
    if (this.rate > 0 && this.random() < this.rate) {
      const status = this.statuses[this.turn++ % this.statuses.length];
      return FAULT_ERRORS[status]();
    }
    return undefined;
  }

  /** xorshift32: small, deterministic for a seed. */
  private random(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }
}
