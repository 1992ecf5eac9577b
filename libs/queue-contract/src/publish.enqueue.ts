import type { PublishJobPayload } from '@zmp-manual/job-events';
import { parsePublishJobPayload } from '@zmp-manual/job-events';
import type { Job, Queue } from 'bull';

/**
 * Adds a publish job whose Bull id is the job record's id (create the record with `JobStore.create` first:
 * the record is the truth, Bull only delivers). The payload is validated (`JobPayloadError` names the field).
 * A finished Bull job is removed at once: a completed job kept under the same id would block re-adding it,
 * and the record keeps the outcome.
 */
export async function enqueuePublish(queue: Queue, payload: PublishJobPayload): Promise<Job> {
  const data = parsePublishJobPayload(payload);
  return queue.add(data, { jobId: data.job_id, removeOnComplete: true, removeOnFail: true });
}

/** What `withdrawQueuedPublish` did. */
export type WithdrawOutcome = 'removed' | 'not_waiting';

/**
 * Removes a publish job that no worker has taken yet (waiting, delayed or paused). A job that is active, gone
 * or finished is left alone (`not_waiting`): its worker sees the durable cancel flag instead.
 */
export async function withdrawQueuedPublish(queue: Queue, jobId: string): Promise<WithdrawOutcome> {
  const job = await queue.getJob(jobId);
  if (!job) return 'not_waiting';
  const state = await job.getState();
  if (state !== 'waiting' && state !== 'delayed' && state !== 'paused') return 'not_waiting';
  try {
    await job.remove();
    return 'removed';
  } catch {
    // A worker locked it between the two calls: it runs and sees the cancel flag.
    return 'not_waiting';
  }
}
