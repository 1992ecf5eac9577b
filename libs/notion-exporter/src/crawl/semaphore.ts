import { NotionExportError } from '../errors/export-error';

/** Runs at most `limit` tasks at once, in the order they asked. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  /** `option` names the setting `limit` came from, for the error. */
  constructor(
    private readonly limit: number,
    option = 'concurrency',
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new NotionExportError('invalid_options', `${option} must be an integer >= 1, got ${String(limit)}.`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
