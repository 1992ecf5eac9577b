import type { Notification } from '@zmp-manual/job-events';
import { randomUUID } from 'node:crypto';
import { as, startStreamsTestApp } from '../streams/testing/streams-test-app';
import { problem } from '../testing/api-test-app';
import type { StreamsTestApp } from '../streams/testing/streams-test-app';
import { NotificationsModule } from './notifications.module';

let t: StreamsTestApp;

beforeAll(async () => {
  t = await startStreamsTestApp('api-notifications', [NotificationsModule]);
});

afterAll(() => t.close());

beforeEach(async () => {
  await t.notifications.prune(new Date(Date.now() + 60_000)); // every test starts with no notification
});

const user = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
const tick = () => new Promise((resolve) => setTimeout(resolve, 3)); // distinct created_at, so the order is certain

async function notify(userId: string | null, title: string, jobId: string | null = null): Promise<Notification> {
  const notification = await t.notifications.create({ status: 'success', title, message: `${title} message`, solution: 'zcp', user_id: userId, job_id: jobId, document_title: jobId ? 'install' : null });
  await tick();
  return notification;
}

async function call(method: 'GET' | 'POST', path: string, headers: Record<string, string>) {
  const response = await fetch(`${t.base}${path}`, { method, headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The JSON the frontend gets: the 12 keys in the original's order. */
const wire = (value: unknown) => JSON.stringify(value);
const read = (n: Notification): Notification => ({ ...n, is_read: true });

describe('GET /notifications', () => {
  it("lists the caller's own and the system-wide notifications, newest first, in the original's shape — never another user's", async () => {
    const ann = user('ann');
    const system = await notify(null, 'ZCP Manuals Updated');
    const own = await notify(ann, 'Manual Publication Complete', randomUUID());
    await notify(user('bob'), 'for bob');

    const res = await call('GET', '/notifications', as(ann));
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.text).toBe(wire([own, system]));
    expect(Object.keys((JSON.parse(res.text) as Notification[])[0])).toEqual([
      'id', 'status', 'title', 'message', 'solution', 'user_id', 'job_id', 'created_at', 'is_read', 'document_title', 'notification_type', 'node',
    ]);
  });

  it('applies limit, include_read (true/false/1/0) and job_id', async () => {
    const ann = user('ann');
    const jobId = randomUUID();
    const older = await notify(ann, 'older', jobId);
    const middle = await notify(ann, 'middle');
    const newest = await notify(ann, 'newest', jobId);
    await t.notifications.markRead(ann, newest.id);

    expect((await call('GET', '/notifications', as(ann))).text).toBe(wire([middle, older]));
    expect((await call('GET', '/notifications?limit=1', as(ann))).text).toBe(wire([middle]));
    expect((await call('GET', '/notifications?include_read=true', as(ann))).text).toBe(wire([read(newest), middle, older]));
    expect((await call('GET', '/notifications?include_read=1&limit=2', as(ann))).text).toBe(wire([read(newest), middle]));
    expect((await call('GET', '/notifications?include_read=0', as(ann))).text).toBe(wire([middle, older]));
    expect((await call('GET', `/notifications?include_read=TRUE&job_id=${jobId}`, as(ann))).text).toBe(wire([read(newest), older]));
  });

  it.each([
    ['limit=0', 'limit', 'must be at least 1'],
    ['limit=101', 'limit', 'must be at most 100'],
    ['limit=ten', 'limit', 'must be an integer'],
    ['include_read=yes', 'include_read', 'must be true, false, 1 or 0'],
    ['all=maybe', 'all', 'must be true, false, 1 or 0'],
  ])('answers 422 for ?%s', async (query, field, msg) => {
    const res = await call('GET', `/notifications?${query}`, as(user('ann')));
    expect(res.status).toBe(422);
    expect(JSON.parse(res.text)).toEqual(problem([{ loc: ['query', field], msg, type: 'value_error' }]));
  });

  it("gives admins everyone's with all=true, and refuses it to others", async () => {
    const ann = user('ann');
    const bobs = await notify(user('bob'), 'for bob');
    const system = await notify(null, 'system');
    const admin = await call('GET', '/notifications?all=true', as(user('root'), 'admin'));
    expect(admin.text).toBe(wire([system, bobs]));

    const refused = await call('GET', '/notifications?all=true', as(ann));
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual(problem("Only admins may list every user's notifications (all=true)"));
  });
});

describe('GET /notifications/latest', () => {
  it('answers the newest visible notification, or JSON null', async () => {
    const ann = user('ann');
    const empty = await call('GET', '/notifications/latest', as(ann));
    expect(empty.status).toBe(200);
    expect(empty.type).toMatch(/^application\/json/);
    expect(empty.text).toBe('null');

    const jobId = randomUUID();
    const forJob = await notify(ann, 'for the job', jobId);
    const newest = await notify(null, 'system');
    expect((await call('GET', '/notifications/latest', as(ann))).text).toBe(wire(newest));
    expect((await call('GET', `/notifications/latest?job_id=${jobId}`, as(ann))).text).toBe(wire(forJob));
    await t.notifications.markRead(ann, newest.id);
    expect((await call('GET', '/notifications/latest', as(ann))).text).toBe(wire(forJob));
    expect((await call('GET', '/notifications/latest?include_read=true', as(ann))).text).toBe(wire(read(newest)));
    expect((await call('GET', '/notifications/latest?include_read=nope', as(ann))).status).toBe(422);
  });
});

describe('POST /notifications/{id}/read', () => {
  it('marks a notification read for the caller only', async () => {
    const ann = user('ann');
    const bob = user('bob');
    const system = await notify(null, 'system');
    const res = await call('POST', `/notifications/${system.id}/read`, as(ann));
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"status":"success"}');
    expect((await call('GET', '/notifications?include_read=true', as(ann))).text).toBe(wire([read(system)]));
    expect((await call('GET', '/notifications', as(ann))).text).toBe('[]');
    expect((await call('GET', '/notifications', as(bob))).text).toBe(wire([system]));
  });

  it("answers 404 for an unknown notification and for someone else's", async () => {
    const ann = user('ann');
    const bobs = await notify(user('bob'), 'for bob');
    for (const id of [randomUUID(), bobs.id]) {
      const res = await call('POST', `/notifications/${id}/read`, as(ann));
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toEqual(problem('Notification not found'));
    }
  });
});

describe('POST /notifications/clear', () => {
  it("clears the caller's notifications only: user A's clear does not clear B's", async () => {
    const ann = user('ann');
    const bob = user('bob');
    const system = await notify(null, 'system');
    await notify(ann, 'for ann');
    const bobs = await notify(bob, 'for bob');

    const res = await call('POST', '/notifications/clear', as(ann));
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"status":"success"}');
    expect((await call('GET', '/notifications?include_read=true', as(ann))).text).toBe('[]');
    expect((await call('GET', '/notifications', as(bob))).text).toBe(wire([bobs, system]));

    const later = await notify(null, 'after the clear');
    expect((await call('GET', '/notifications', as(ann))).text).toBe(wire([later]));
  });
});
