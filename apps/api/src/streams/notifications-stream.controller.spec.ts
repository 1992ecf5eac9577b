import type { Notification } from '@zmp-manual/job-events';
import { randomUUID } from 'node:crypto';
import { SSE_STATS } from '../api.tokens';
import type { SseStats } from '../api.tokens';
import { eventually } from '../testing/eventually';
import { openSse, openSseStream } from './testing/sse-test-client';
import type { SseFrame } from './testing/sse-test-client';
import { problem } from '../testing/api-test-app';
import { as, startStreamsTestApp } from './testing/streams-test-app';
import type { StreamsTestApp } from './testing/streams-test-app';
import { StreamsModule } from './streams.module';

let t: StreamsTestApp;

beforeAll(async () => {
  t = await startStreamsTestApp('api-notif-stream', [StreamsModule]);
});

afterAll(() => t.close());

beforeEach(async () => {
  await t.notifications.prune(new Date(Date.now() + 60_000)); // every test starts with no notification
});

const streamUrl = (query = '') => `${t.base}/notifications/stream${query}`;
const user = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
/**
 * Creates a notification, then waits for the clock to leave the millisecond of its `created_at`. The store
 * orders notifications by `created_at` (ms) and two made in the same millisecond have no defined order, so
 * without this "the newest" (the stream's first frame) would be a coin toss whenever two back-to-back creates
 * share a millisecond.
 */
async function notify(userId: string | null, title: string): Promise<Notification> {
  const notification = await t.notifications.create({ status: 'info', title, message: `${title} message`, solution: 'zcp', user_id: userId, job_id: null, notification_type: userId ? 'job_result' : 'document_update' });
  const createdAt = Date.parse(notification.created_at);
  await eventually(() => Date.now() > createdAt, 'the clock to pass the notification\'s millisecond', 1_000);
  return notification;
}
/** The data frames (the first frame is the original's `retry: 5000`). */
const dataFrames = (frames: SseFrame[]) => frames.filter((frame) => frame.data !== undefined);
const openNotificationStreams = () => t.app.get<SseStats>(SSE_STATS).open().notifications;

describe('GET /notifications/stream', () => {
  it("sends the user's newest notification first, then their own and system-wide ones as they come, never another user's", async () => {
    const ann = user('ann');
    const bob = user('bob');
    await notify(null, 'older system');
    const newest = await notify(ann, 'newest of ann');
    const stream = await openSseStream(streamUrl(), as(ann));
    try {
      await stream.waitFor(2);
      expect(stream.frames[0]).toEqual({ retry: '5000' });
      await notify(bob, 'for bob only');
      const system = await notify(null, 'Manuals Updated');
      // Events of the user's stream and of the system-wide one come in the order the bus reads them (one XREAD
      // may carry both, user stream first), so the next one is created once this one has come.
      await stream.waitFor(3);
      const own = await notify(ann, 'Manual Publication Complete');
      await stream.waitFor(4);
      await new Promise((resolve) => setTimeout(resolve, 100)); // room for anything that should not come
      const frames = dataFrames(stream.frames);
      expect(frames.map((f) => f.data)).toEqual([newest, system, own].map((n) => JSON.stringify(n)));
      expect(frames.every((f) => f.id !== undefined && f.event === undefined)).toBe(true);
      expect(new Set(frames.map((f) => f.id)).size).toBe(3);
      expect(Object.keys(JSON.parse(frames[2].data!) as Notification)).toEqual([
        'id', 'status', 'title', 'message', 'solution', 'user_id', 'job_id', 'created_at', 'is_read', 'document_title', 'notification_type', 'node',
      ]);
    } finally {
      stream.close();
    }
    await eventually(() => openNotificationStreams() === 0, 'the disconnect to release the slot', 5_000);
  });

  it('leaves read notifications out unless include_read is true', async () => {
    const ann = user('ann');
    const unread = await notify(ann, 'unread');
    const read = await notify(ann, 'read');
    await t.notifications.markRead(ann, read.id);

    const defaults = await openSseStream(streamUrl(), as(ann));
    const withRead = await openSseStream(streamUrl('?include_read=true'), as(ann));
    try {
      expect(dataFrames(await defaults.waitFor(2))[0].data).toBe(JSON.stringify(unread));
      expect(dataFrames(await withRead.waitFor(2))[0].data).toBe(JSON.stringify({ ...read, is_read: true }));
    } finally {
      defaults.close();
      withRead.close();
    }
  });

  it('resumes from Last-Event-ID with exactly the notifications missed, none repeated', async () => {
    const ann = user('ann');
    const bob = user('bob');
    const first = await notify(ann, 'first');
    const stream = await openSseStream(streamUrl(), as(ann));
    await stream.waitFor(2);
    const second = await notify(null, 'second');
    await stream.waitFor(3);
    stream.close();
    const lastId = stream.frames[2].id!;
    // Until the server notices, the old session still follows both streams and the bus's position on them is
    // where the resume goes live: the missed ones would come partly replayed, partly live, in no fixed order.
    await eventually(() => openNotificationStreams() === 0, 'the server to notice the disconnect', 5_000);

    const missedOwn = await notify(ann, 'missed own');
    await notify(bob, 'not for ann');
    const missedSystem = await notify(null, 'missed system');
    const resumed = await openSseStream(streamUrl(), { ...as(ann), 'Last-Event-ID': lastId });
    try {
      await resumed.waitFor(3); // both replayed, the user's stream first
      const live = await notify(ann, 'live');
      await resumed.waitFor(4);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(dataFrames(stream.frames).map((f) => f.data)).toEqual([first, second].map((n) => JSON.stringify(n)));
      expect(dataFrames(resumed.frames).map((f) => f.data)).toEqual([missedOwn, missedSystem, live].map((n) => JSON.stringify(n)));
    } finally {
      resumed.close();
    }
  });

  it('answers 422 for an include_read that is not a boolean, before any SSE byte', async () => {
    const result = await openSse(streamUrl('?include_read=maybe'), as(user('ann')));
    expect(result.status).toBe(422);
    expect(JSON.parse((result as { body: string }).body)).toEqual(problem([{ loc: ['query', 'include_read'], msg: 'must be true, false, 1 or 0', type: 'value_error' }]));
  });
});
