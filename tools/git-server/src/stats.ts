import type { GitServerStats, GitService, PushRecord } from './types';

/** Counts what the server answered. */
export class StatsRecorder {
  private total = 0;
  private readonly requests: GitServerStats['requests'] = { 'upload-pack': {}, 'receive-pack': {}, dumb: {}, invalid: {} };
  private readonly pushes: PushRecord[] = [];
  private rejected = 0;

  request(service: GitService, status: number): void {
    this.total++;
    const byStatus = this.requests[service];
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }

  /** A receive-pack POST finished: accepted when git reported `ok` for at least one of its commands. */
  push(record: PushRecord, accepted: boolean): void {
    if (accepted) this.pushes.push(record);
    else this.rejected++;
  }

  snapshot(): GitServerStats {
    return {
      total: this.total,
      requests: {
        'upload-pack': { ...this.requests['upload-pack'] },
        'receive-pack': { ...this.requests['receive-pack'] },
        dumb: { ...this.requests.dumb },
        invalid: { ...this.requests.invalid },
      },
      pushesAccepted: this.pushes.length,
      pushesRejected: this.rejected,
      pushes: this.pushes.map((push) => ({ ...push, updates: push.updates.map((update) => ({ ...update })) })),
    };
  }
}
