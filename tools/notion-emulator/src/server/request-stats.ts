/** Counts of what the emulator was asked, for tests and benchmarks (`GET /__stats`). */
export interface EmulatorStats {
  /** Every request, control endpoints excluded. */
  total: number;
  /** Requests per endpoint, e.g. `"GET /v1/blocks/{id}/children": 12`. */
  by_endpoint: Record<string, number>;
  /** Responses per HTTP status. */
  by_status: Record<string, number>;
  rate_limited: number;
  faults_injected: number;
  file_downloads: number;
  webhooks_sent: number;
}

export function emptyStats(): EmulatorStats {
  return { total: 0, by_endpoint: {}, by_status: {}, rate_limited: 0, faults_injected: 0, file_downloads: 0, webhooks_sent: 0 };
}

export function countRequest(stats: EmulatorStats, endpoint: string, status: number): void {
  stats.total += 1;
  stats.by_endpoint[endpoint] = (stats.by_endpoint[endpoint] ?? 0) + 1;
  stats.by_status[String(status)] = (stats.by_status[String(status)] ?? 0) + 1;
}
