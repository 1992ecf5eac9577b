/** What `GET /__stats` answers. */
export interface EmulatorStats {
  /** API requests received (everything but the `/__*` control routes), whatever their outcome. */
  requests: number;
  /** Chat completions answered with 200 (streamed or not). */
  completions: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** Answers sent, by HTTP status. */
  by_status: Record<string, number>;
  /** Requests whose client went away before the answer was sent. */
  aborted: number;
}

export class StatsCounter {
  private current: EmulatorStats = emptyStats();

  request(): void {
    this.current.requests += 1;
  }

  status(status: number): void {
    const key = String(status);
    this.current.by_status[key] = (this.current.by_status[key] ?? 0) + 1;
  }

  completion(promptTokens: number, completionTokens: number): void {
    this.current.completions += 1;
    this.current.prompt_tokens += promptTokens;
    this.current.completion_tokens += completionTokens;
  }

  aborted(): void {
    this.current.aborted += 1;
  }

  reset(): void {
    this.current = emptyStats();
  }

  /** A copy: later requests do not change it. */
  snapshot(): EmulatorStats {
    return { ...this.current, by_status: { ...this.current.by_status } };
  }
}

function emptyStats(): EmulatorStats {
  return { requests: 0, completions: 0, prompt_tokens: 0, completion_tokens: 0, by_status: {}, aborted: 0 };
}
