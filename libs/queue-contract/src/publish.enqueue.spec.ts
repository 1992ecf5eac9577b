import type { PublishJobPayload } from '@zmp-manual/job-events';
import { JobPayloadError } from '@zmp-manual/job-events';
import Bull from 'bull';
import { randomUUID } from 'node:crypto';
import { PUBLISH_QUEUE, bullPrefix } from './queue-names';
import { enqueuePublish, withdrawQueuedPublish } from './publish.enqueue';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:queue-contract:${randomUUID()}:`;
let queue: Bull.Queue;

const payload = (overrides: Partial<PublishJobPayload> = {}): PublishJobPayload => ({
  version: 1,
  job_id: randomUUID(),
  notion_page_id: '1abb7135d33b80a79efff5ae2eaced37',
  solution: 'zcp',
  target_languages: ['ko', 'ja'],
  title: 'install',
  is_directory: false,
  parent_id: null,
  initiated_by: 'ann',
  requested_at: new Date().toISOString(),
  ...overrides,
});

beforeAll(() => {
  queue = new Bull(PUBLISH_QUEUE, REDIS_URL, { prefix: bullPrefix(keyPrefix) });
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
});

describe('enqueuePublish', () => {
  it('adds the payload under the record id, with finished jobs removed from Bull', async () => {
    const data = payload();
    const job = await enqueuePublish(queue, data);
    expect(job.id).toBe(data.job_id);
    expect(job.data).toEqual(data);
    expect(job.opts).toMatchObject({ jobId: data.job_id, removeOnComplete: true, removeOnFail: true });
    expect(await (await queue.getJob(data.job_id))!.getState()).toBe('waiting');
    // The queue's keys live under the environment's prefix, so two environments never share jobs.
    const keys = await queue.client.keys(`${keyPrefix}bull:${PUBLISH_QUEUE}:*`);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('refuses a payload the worker would refuse, naming the field, and adds nothing', async () => {
    const before = await queue.getJobCounts();
    await expect(enqueuePublish(queue, payload({ target_languages: ['ko', ''] }))).rejects.toThrow(JobPayloadError);
    await expect(enqueuePublish(queue, payload({ target_languages: ['ko', ''] }))).rejects.toMatchObject({ field: 'target_languages.1' });
    expect(await queue.getJobCounts()).toEqual(before);
  });
});

describe('withdrawQueuedPublish', () => {
  it('removes a waiting job and reports a missing one as not waiting', async () => {
    const data = payload();
    await enqueuePublish(queue, data);
    expect(await withdrawQueuedPublish(queue, data.job_id)).toBe('removed');
    expect(await queue.getJob(data.job_id)).toBeNull();
    expect(await withdrawQueuedPublish(queue, data.job_id)).toBe('not_waiting');
  });

  it('leaves an active job to its worker', async () => {
    const data = payload();
    await enqueuePublish(queue, data);
    // Take every waiting job as a worker would, without processing it.
    let taken: Bull.Job | undefined;
    for (let i = 0; i < 10 && taken?.id !== data.job_id; i += 1) taken = (await queue.getNextJob()) ?? undefined;
    expect(taken?.id).toBe(data.job_id);
    expect(await withdrawQueuedPublish(queue, data.job_id)).toBe('not_waiting');
    expect(await (await queue.getJob(data.job_id))!.getState()).toBe('active');
  });
});
