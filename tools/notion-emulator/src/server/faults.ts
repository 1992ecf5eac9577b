import { NotionError } from './notion-error';

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

  configure(options: FaultOptions): void {
    this.queue = [...(options.next ?? [])];
    this.rate = options.rate ?? 0;
    if (this.rate < 0 || this.rate > 1) throw new RangeError(`fault rate must be within 0..1, got ${this.rate}`);
    this.statuses = options.statuses?.length ? [...options.statuses] : [500, 502, 503];
    this.state = (options.seed ?? 1) >>> 0 || 1;
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
