import { EventEmitter } from 'node:events';

/** An SSE sink that records what is written, like a response whose client reads instantly. */
export class CaptureSink extends EventEmitter {
  readonly chunks: string[] = [];
  ended = false;

  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }

  end(): void {
    this.ended = true;
  }

  get text(): string {
    return this.chunks.join('');
  }

  /** Resolves once `count` chunks have been written. */
  async written(count: number): Promise<void> {
    while (this.chunks.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
