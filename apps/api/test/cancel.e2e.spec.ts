import { errorBody } from './harness/api-client';
import { ApiWorld } from './harness/api-world';
import { APP_ROOT } from './harness/env';
import { EventSourceWatcher } from './harness/sse';
import { IDS } from './harness/workspace';

type Json = Record<string, unknown>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `POST /jobs/{id}/cancel` against a real worker: a job still in the queue is cancelled at once and never
 * runs; a running one goes `cancel_requested`, the worker stops at its next check, and nothing reaches the
 * remote. Translations are slowed down (one request at a time, 500 ms each) so the first job is still
 * running when it is cancelled.
 */
describe('cancelling publishes through the API', () => {
  const world = new ApiWorld({ name: 'cancel', workerEnv: { MAX_CONCURRENT_REQUESTS: '1' } });
  const publish = (token: string) => world.api.post(`${APP_ROOT}/publish`, { token, body: { notion_page_id: IDS.root, selected_solution: 'zcp', title: 'zcp', is_directory: true } });
  let running: string;
  let queued: string;
  let watcher: EventSourceWatcher;

  beforeAll(async () => {
    world.emulators.openai.setFaults({ delayMs: 500 });
    const first = await publish(world.token('ann'));
    running = first.body.job_id as string;
    watcher = new EventSourceWatcher(world.url(`/watch/${running}`), { token: world.token('ann'), timeoutMs: 90_000 });
    await world.waitForJob(running, (record) => record.status === 'translating' && record.translation_progress > 0, 'translation under way');
    // The worker runs one job at a time: this one waits in the queue.
    const second = await publish(world.token('ann'));
    queued = second.body.job_id as string;
  }, 90_000);

  afterAll(() => watcher?.close());

  it('a queued job: 200 with the job JSON, cancelled at once, gone from the queue, never started', async () => {
    expect((await world.jobs.get(queued))!.status).toBe('queued');
    const response = await world.api.post(`${APP_ROOT}/jobs/${queued}/cancel`, { token: world.token('ann') });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ job_id: queued, status: 'cancelled', failure_reason: 'cancelled', initiated_by: 'ann', cancel_requested_at: expect.any(String) });
    expect(await world.publishQueue.getJob(queued)).toBeNull();
    const view = await world.api.get(`${APP_ROOT}/jobs/${queued}`, { token: world.token('ann') });
    expect(view.body).toMatchObject({ status: 'cancelled', worker: null, attempt: 0, started_at: null });
  });

  it('refuses a publisher who does not own the running job (403) and a viewer (403 naming the role)', async () => {
    const bob = await world.api.post(`${APP_ROOT}/jobs/${running}/cancel`, { token: world.token('bob') });
    expect(bob.status).toBe(403);
    const vera = await world.api.post(`${APP_ROOT}/jobs/${running}/cancel`, { token: world.token('vera') });
    expect([vera.status, vera.body]).toEqual([403, errorBody('This needs the manual-publisher role')]);
    const unknown = await world.api.post(`${APP_ROOT}/jobs/00000000-0000-4000-8000-000000000000/cancel`, { token: world.token('ann') });
    expect([unknown.status, unknown.body]).toEqual([404, errorBody('Job not found')]);
    expect((await world.jobs.get(running))!.status).toBe('translating');
  });

  it('a running job: 202 cancel_requested, then cancelled by the worker; the remote never moves', async () => {
    const response = await world.api.post(`${APP_ROOT}/jobs/${running}/cancel`, { token: world.token('ann') });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ job_id: running, status: 'cancel_requested', cancel_requested_at: expect.any(String) });
    const record = await world.waitForEnd(running, 30_000);
    expect(record).toMatchObject({ status: 'cancelled', failure_reason: 'cancelled', commits: {} });
    expect(await world.head()).toBe(world.remote.initial);
    await sleep(1_000);
    expect(await world.head()).toBe(world.remote.initial);
    expect(world.emulators.git.stats().pushesAccepted).toBe(0);
  });

  it('the watch stream showed cancel_requested, then cancelled, then done', async () => {
    const events = await watcher.done;
    world.api.record(events.map((event) => event.data).join('\n'));
    const states = watcher.statuses<Json>().map((status) => status.status);
    expect(states).toContain('translating');
    const requested = states.indexOf('cancel_requested');
    expect(requested).toBeGreaterThan(states.indexOf('translating'));
    expect(states.slice(requested + 1).every((state) => state === 'cancel_requested' || state === 'cancelled')).toBe(true);
    expect(states.at(-1)).toBe('cancelled');
    expect(states).not.toContain('pushing');
    expect(events.at(-1)).toMatchObject({ type: 'done' });
  });

  it('a cancelled job cannot be cancelled again: 409', async () => {
    const response = await world.api.post(`${APP_ROOT}/jobs/${running}/cancel`, { token: world.token('ann') });
    expect([response.status, response.body]).toEqual([409, errorBody('Job already finished (cancelled)')]);
  });

  it('an admin may cancel anyone\'s job', async () => {
    await world.publishQueue.pause();
    try {
      const job = (await publish(world.token('bob'))).body.job_id as string;
      const response = await world.api.post(`${APP_ROOT}/jobs/${job}/cancel`, { token: world.token('root') });
      expect([response.status, response.body.status]).toEqual([200, 'cancelled']);
    } finally {
      await world.publishQueue.resume();
    }
  });

  it('keeps every secret out of the API\'s output and answers', () => {
    expect(world.leakedSecrets()).toEqual({ apiOutput: [], workerOutput: [], bodies: [] });
  });
});
