import { getQueueToken } from '@nestjs/bull';
import { ArtifactStore, JobStore, NotificationStore } from '@zmp-manual/job-events';
import type { Queue } from 'bull';
import { MAINTENANCE_QUEUE, RETENTION_JOB } from '../worker.tokens';
import { MaintenanceModule } from './maintenance.module';
import { RETENTION_REPEAT_ID } from './retention.scheduler';
import type { RetentionCounts } from './retention.service';
import type { SideServicesApp } from './testing/side-services.testing';
import { deleteKeys, eventually, startSideServices, uniquePrefix } from './testing/side-services.testing';

const DAY = 86_400_000;
const prefix = uniquePrefix();
const maintenance = () => MaintenanceModule.register();
const replicas: SideServicesApp[] = [];
const replica = async (sweepEveryMs: number) => {
  const side = await startSideServices({ imports: [maintenance()], keyPrefix: prefix, config: { retention: { sweepEveryMs, jobMaxAgeMs: 30 * DAY } } });
  replicas.push(side);
  return side;
};
const queueOf = (side: SideServicesApp) => side.app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));

const ownPrefix = uniquePrefix();

afterAll(async () => {
  for (const side of replicas) await side.close();
  await deleteKeys(prefix);
  await deleteKeys(ownPrefix);
});

describe('retention', () => {
  it('registers one repeatable sweep however many replicas start, and replaces it when the interval changes', async () => {
    const first = await replica(3_600_000);
    await replica(3_600_000);
    let repeatables = await queueOf(first).getRepeatableJobs();
    expect(repeatables.map((r) => [r.name, r.id, r.every])).toEqual([[RETENTION_JOB, RETENTION_REPEAT_ID, 3_600_000]]);
    await replica(600_000);
    repeatables = await queueOf(first).getRepeatableJobs();
    expect(repeatables.map((r) => [r.name, r.id, r.every])).toEqual([[RETENTION_JOB, RETENTION_REPEAT_ID, 600_000]]);
  });

  it('deletes finished jobs and notifications past the age, and the artifacts of those jobs, through the queue', async () => {
    const side = replicas[0];
    const past = () => new Date(Date.now() - 40 * DAY);
    const oldJobs = new JobStore({ redis: side.redis, keyPrefix: prefix, clock: past });
    const artifacts = new ArtifactStore({ redis: side.redis, keyPrefix: prefix });
    for (const id of ['old-done', 'old-failed', 'old-running']) {
      await oldJobs.create({ job_id: id, solution: 'zcp' });
      await oldJobs.start(id);
    }
    await oldJobs.update('old-done', { status: 'completed' });
    await oldJobs.update('old-failed', { status: 'failed' });
    await side.jobs.create({ job_id: 'new-done', solution: 'zcp' });
    await side.jobs.start('new-done');
    await side.jobs.update('new-done', { status: 'completed' });
    for (const id of ['old-done', 'old-running', 'new-done']) await artifacts.put(id, Buffer.from(id), { ttlMs: 60 * DAY });
    const oldNotifications = new NotificationStore({ redis: side.redis, keyPrefix: prefix, clock: past });
    await oldNotifications.create({ status: 'success', title: 'Manual Publication Complete', message: 'old', user_id: 'ann', job_id: 'old-done' });
    await side.notifications.create({ status: 'success', title: 'Manual Publication Complete', message: 'new', user_id: 'ann', job_id: 'new-done' });

    const job = await queueOf(side).add(RETENTION_JOB, { version: 1 });
    const counts = (await job.finished()) as RetentionCounts;
    expect(counts).toEqual({ cutoff: expect.stringMatching(/Z$/), jobs: 2, artifacts: 1, notifications: 1 });
    expect(await side.jobs.get('old-done')).toBeNull();
    expect(await side.jobs.get('old-failed')).toBeNull();
    expect(await side.jobs.get('old-running')).not.toBeNull();
    expect(await side.jobs.get('new-done')).not.toBeNull();
    expect(await artifacts.get('redis:artifacts/old-done')).toBeNull();
    expect(await artifacts.get('redis:artifacts/old-running')).not.toBeNull();
    expect(await artifacts.get('redis:artifacts/new-done')).not.toBeNull();
    expect((await side.notifications.list('ann')).map((n) => n.message)).toEqual(['new']);
  });

  it('runs the sweep on its own at its interval: the old finished job goes, the running one stays', async () => {
    // A replica of its own prefix, sweeping every second (the shortest interval the configuration allows).
    const side = await startSideServices({ imports: [maintenance()], keyPrefix: ownPrefix, config: { retention: { sweepEveryMs: 1_000, jobMaxAgeMs: 30 * DAY } } });
    replicas.push(side);
    const oldJobs = new JobStore({ redis: side.redis, keyPrefix: ownPrefix, clock: () => new Date(Date.now() - 40 * DAY) });
    for (const id of ['old-done', 'old-running']) {
      await oldJobs.create({ job_id: id, solution: 'zcp' });
      await oldJobs.start(id);
    }
    await oldJobs.update('old-done', { status: 'completed' });
    await eventually(async () => (await side.jobs.get('old-done')) === null, 'the repeatable sweep to delete the old job');
    expect(await side.jobs.get('old-running')).not.toBeNull();
    expect((await queueOf(side).getRepeatableJobs()).map((r) => [r.name, r.every])).toEqual([[RETENTION_JOB, 1_000]]);
  });
});
