import { EventBus, JOB_STATUS_EVENT, JobCancellation, JobStore, NotificationStore, isTerminalJobState, jobStream } from '@zmp-manual/job-events';
import type { JobRecord, Notification, PublishJobPayload, PublishStatus } from '@zmp-manual/job-events';
import Bull from 'bull';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { bullPrefix } from '@zmp-manual/queue-contract';
import { PUBLISH_QUEUE } from '../../src/worker.tokens';

export const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface StatusEvent {
  id: string;
  status: PublishStatus;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The API's side of the queue, as a test drives it: create the job record, then enqueue the payload with the
 * job id as Bull id (removed on completion); watch records and their status streams; request cancels.
 */
export class JobClient {
  readonly keyPrefix = `zmp-e2e-${randomUUID().slice(0, 8)}:`;
  readonly redis = new Redis(REDIS_URL);
  readonly jobs = new JobStore({ redis: this.redis, keyPrefix: this.keyPrefix });
  readonly cancellation = new JobCancellation({ jobs: this.jobs });
  readonly notifications = new NotificationStore({ redis: this.redis, keyPrefix: this.keyPrefix });
  readonly bus = new EventBus({ redis: this.redis, keyPrefix: this.keyPrefix });
  readonly queue = new Bull(PUBLISH_QUEUE, REDIS_URL, { prefix: bullPrefix(this.keyPrefix) });

  async enqueue(fields: Pick<PublishJobPayload, 'notion_page_id'> & Partial<PublishJobPayload>): Promise<PublishJobPayload> {
    const payload: PublishJobPayload = {
      version: 1,
      job_id: randomUUID(),
      solution: 'zcp',
      target_languages: ['ko', 'ja'],
      title: null,
      is_directory: true,
      parent_id: null,
      initiated_by: 'ann',
      requested_at: new Date().toISOString(),
      ...fields,
    };
    await this.jobs.create(payload);
    await this.queue.add(payload, { jobId: payload.job_id, removeOnComplete: true });
    return payload;
  }

  /** Polls the record until `accept` holds (every 25 ms: fast enough to see each step of a slowed run). */
  async waitFor(jobId: string, accept: (record: JobRecord) => boolean, what: string, timeoutMs = 120_000): Promise<JobRecord> {
    const deadline = Date.now() + timeoutMs;
    let record: JobRecord | null = null;
    while (Date.now() < deadline) {
      record = await this.jobs.get(jobId);
      if (record && accept(record)) return record;
      if (record && isTerminalJobState(record.status) && !accept(record)) {
        throw new Error(`job ${jobId} ended ${record.status} while waiting for ${what}: ${JSON.stringify(record, null, 1)}`);
      }
      await sleep(25);
    }
    throw new Error(`job ${jobId}: no ${what} within ${timeoutMs} ms; last record: ${JSON.stringify(record, null, 1)}`);
  }

  waitForStatus(jobId: string, status: string, timeoutMs?: number): Promise<JobRecord> {
    return this.waitFor(jobId, (record) => record.status === status, `status ${status}`, timeoutMs);
  }

  waitForEnd(jobId: string, timeoutMs?: number): Promise<JobRecord> {
    return this.waitFor(jobId, (record) => isTerminalJobState(record.status), 'terminal state', timeoutMs);
  }

  /** The record once `count` callback deliveries are recorded on it (they come after the terminal state). */
  async withCallbacks(jobId: string, count: number, timeoutMs = 30_000): Promise<JobRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = await this.jobs.get(jobId);
      if (record && record.callbacks.length >= count) return record;
      if (Date.now() > deadline) throw new Error(`job ${jobId}: ${record?.callbacks.length ?? 0} of ${count} callback deliveries within ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  /** The job's notifications to `userId`, newest first, once there are `count` (they follow the terminal record). */
  async notificationsOf(userId: string, jobId: string, count: number, timeoutMs = 30_000): Promise<Notification[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.notifications.list(userId, { jobId, includeRead: true });
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`job ${jobId}: ${found.length} of ${count} notifications to ${userId} within ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  /** Resolves once the Bull job is gone from the queue (removed on completion, or by the worker). */
  async bullJobGone(jobId: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (await this.queue.getJob(jobId)) {
      if (Date.now() > deadline) throw new Error(`Bull job ${jobId} still in the queue after ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  /** The job's status events, read back from its Redis stream through the event bus (from the start to the end). */
  async statusEvents(jobId: string): Promise<StatusEvent[]> {
    const subscription = this.bus.subscribe({ stream: jobStream(jobId), after: '0' });
    const events: StatusEvent[] = [];
    try {
      for await (const event of subscription) {
        if (event.type !== JOB_STATUS_EVENT) continue;
        const status = event.data as PublishStatus;
        events.push({ id: event.id, status });
        if (isTerminalJobState(status.status)) break;
      }
    } finally {
      subscription.close();
    }
    return events;
  }

  /** Every raw entry of the job's stream (all fields, as stored). */
  async rawStream(jobId: string): Promise<string> {
    const entries = await this.redis.xrange(`${this.keyPrefix}${jobStream(jobId)}`, '-', '+');
    return JSON.stringify(entries);
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.bus.close();
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.keyPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await this.redis.del(...keys);
    } while (cursor !== '0');
    await this.redis.quit();
  }
}
