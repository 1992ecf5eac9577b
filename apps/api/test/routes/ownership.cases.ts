import { errorBody } from '../harness/api-client';
import { CLOSE_DELAY_MS } from '../harness/env';
import { NOTIFICATION_KEYS, PUBLISH_STATUS_KEYS, UTC_ISO, UUID } from '../harness/shapes';
import { readToEnd, readUntil } from '../harness/sse';
import type { SseFrame } from '../harness/sse';
import { IDS } from '../harness/workspace';
import { root } from './routes.context';
import type { Json, RoutesContext } from './routes.context';

/** User A and user B: jobs, notifications (REST and stream), and the watch of a finished job. */
export function ownershipCases(ctx: RoutesContext): void {
  const { world } = ctx;

  describe('user A and user B', () => {
    it('Ann cannot see Bob\'s job (403), watch it (403), cancel it (403) or fetch its artifact (403); nor list it', async () => {
      const ann = world.token('ann');
      const view = await world.api.get(root(`/jobs/${ctx.bobJob.job_id}`), { token: ann });
      expect([view.status, view.body]).toEqual([403, errorBody('Not authorized to view this job')]);
      const watch = await world.api.get(root(`/watch/${ctx.bobJob.job_id}`), { token: ann });
      expect([watch.status, watch.body]).toEqual([403, errorBody('Not authorized to watch this job')]);
      const cancel = await world.api.post(root(`/jobs/${ctx.bobJob.job_id}/cancel`), { token: ann });
      expect(cancel.status).toBe(403);
      const artifact = await world.api.get(root(`/jobs/${ctx.bobJob.job_id}/artifact`), { token: ann });
      expect(artifact.status).toBe(403);
      // A non-admin asking for Bob's list gets their own (or a refusal), never Bob's.
      const list = await world.api.get(root('/jobs'), { token: ann, query: { initiated_by: 'bob' } });
      expect([200, 403]).toContain(list.status);
      const owners = list.status === 200 ? (list.body as Json[]).map((job) => job.initiated_by) : [];
      expect(owners).not.toContain('bob');
    });

    it('an admin sees both users\' jobs', async () => {
      for (const job of [ctx.annJob, ctx.bobJob]) {
        const response = await world.api.get(root(`/jobs/${job.job_id}`), { token: world.token('root') });
        expect([response.status, response.body.job_id]).toEqual([200, job.job_id]);
      }
    });

    it('GET /notifications: each user sees their own, in the original\'s twelve keys, newest first', async () => {
      const response = await world.api.get(root('/notifications'), { token: world.token('ann') });
      expect(response.status).toBe(200);
      const items = response.body as Json[];
      expect(items.map((n) => [n.status, n.title, n.user_id, n.job_id])).toEqual([
        ['success', 'Manual Publication Complete', 'ann', ctx.annJob.job_id],
        ['processing', 'Manual Publication Started', 'ann', ctx.annJob.job_id],
      ]);
      for (const item of items) {
        expect(Object.keys(item)).toEqual(NOTIFICATION_KEYS);
        expect(item).toMatchObject({
          id: expect.stringMatching(UUID),
          solution: 'zcp',
          created_at: expect.stringMatching(UTC_ISO),
          is_read: false,
          document_title: 'zcp',
          notification_type: 'job_result',
          node: { notion_page_id: IDS.root, title: 'zcp', is_directory: true, parent_id: null },
        });
      }
      const latest = await world.api.get(root('/notifications/latest'), { token: world.token('ann') });
      expect(latest.body).toEqual(items[0]);
      const ofBobsJob = await world.api.get(root('/notifications'), { token: world.token('ann'), query: { job_id: ctx.bobJob.job_id as string } });
      expect(ofBobsJob.body).toEqual([]);
    });

    it('Ann cannot mark Bob\'s notification read (404), and her own read mark is hers', async () => {
      const bobs = (await world.api.get(root('/notifications'), { token: world.token('bob') })).body as Json[];
      expect(bobs).toHaveLength(2);
      const refused = await world.api.post(root(`/notifications/${bobs[0].id}/read`), { token: world.token('ann') });
      expect([refused.status, refused.body]).toEqual([404, errorBody('Notification not found')]);
      expect(((await world.api.get(root('/notifications'), { token: world.token('bob') })).body as Json[]).every((n) => n.is_read === false)).toBe(true);

      const anns = (await world.api.get(root('/notifications'), { token: world.token('ann') })).body as Json[];
      const read = await world.api.post(root(`/notifications/${anns[1].id}/read`), { token: world.token('ann') });
      expect([read.status, read.body]).toEqual([200, { status: 'success' }]);
      const unread = (await world.api.get(root('/notifications'), { token: world.token('ann') })).body as Json[];
      expect(unread.map((n) => n.id)).toEqual([anns[0].id]);
      const withRead = (await world.api.get(root('/notifications'), { token: world.token('ann'), query: { include_read: true } })).body as Json[];
      expect(withRead.map((n) => [n.id, n.is_read])).toEqual([
        [anns[0].id, false],
        [anns[1].id, true],
      ]);
      const badLimit = await world.api.get(root('/notifications'), { token: world.token('ann'), query: { limit: 0 } });
      expect(badLimit.status).toBe(422);
      expect((badLimit.body.detail as Json[]).map((issue) => issue.loc)).toEqual([['query', 'limit']]);
      const unknown = await world.api.post(root('/notifications/00000000-0000-4000-8000-000000000000/read'), { token: world.token('ann') });
      expect([unknown.status, unknown.body]).toEqual([404, errorBody('Notification not found')]);
    });

    it('an admin sees both users\' notifications with ?all=true', async () => {
      const response = await world.api.get(root('/notifications'), { token: world.token('root'), query: { all: true, include_read: true } });
      expect(response.status).toBe(200);
      const owners = (response.body as Json[]).map((n) => n.user_id);
      expect(owners.filter((owner) => owner === 'ann')).toHaveLength(2);
      expect(owners.filter((owner) => owner === 'bob')).toHaveLength(2);
    });

    it('POST /notifications/clear clears the caller\'s only: Bob keeps his', async () => {
      const cleared = await world.api.post(root('/notifications/clear'), { token: world.token('ann') });
      expect([cleared.status, cleared.body]).toEqual([200, { status: 'success' }]);
      const anns = await world.api.get(root('/notifications'), { token: world.token('ann'), query: { include_read: true } });
      expect(anns.body).toEqual([]);
      const latest = await world.api.get(root('/notifications/latest'), { token: world.token('ann') });
      expect([latest.status, latest.text]).toEqual([200, 'null']);
      const bobs = await world.api.get(root('/notifications'), { token: world.token('bob') });
      expect((bobs.body as Json[]).map((n) => n.title)).toEqual(['Manual Publication Complete', 'Manual Publication Started']);
    });
    it('GET /notifications/stream (ticket): first the caller\'s newest notification, then new ones for them or for everyone, never another user\'s', async () => {
      const bobs = (await world.api.get(root('/notifications'), { token: world.token('bob') })).body as Json[];
      const { ticket } = (await world.api.post(root('/auth/sse-ticket'), { token: world.token('bob') })).body as { ticket: string };
      const dataFrames = (frames: SseFrame[]) => frames.filter((frame) => frame.data !== undefined && frame.event === undefined);
      let systemSeenAt = 0;
      let wrote = false;
      const stream = await readUntil(world.url(`/notifications/stream?ticket=${encodeURIComponent(ticket)}`), {}, (frames) => {
        const data = dataFrames(frames);
        if (data.length > 0 && !wrote) {
          wrote = true;
          // As the worker would: one notification for Ann only, then one for everyone.
          void world.notifications
            .create({ status: 'info', title: 'For Ann only', message: 'private', solution: 'zcp', user_id: 'ann', notification_type: 'system' })
            .then(() => world.notifications.create({ status: 'info', title: 'For everyone', message: 'maintenance tonight', solution: null, user_id: null, notification_type: 'system' }));
        }
        if (systemSeenAt === 0 && data.some((frame) => frame.data!.includes('"For everyone"'))) systemSeenAt = Date.now();
        return systemSeenAt > 0 && Date.now() - systemSeenAt > 500;
      });
      world.api.record(stream.text);
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(stream.headers['x-accel-buffering']).toBe('no');
      const data = dataFrames(stream.frames);
      expect(data.every((frame) => frame.id !== undefined && frame.id !== '')).toBe(true);
      expect(JSON.parse(data[0].data!)).toEqual(bobs[0]);
      const later = data.slice(1).map((frame) => JSON.parse(frame.data!) as Json);
      expect(later.map((n) => [n.title, n.user_id])).toEqual([['For everyone', null]]);
      expect(Object.keys(later[0])).toEqual(NOTIFICATION_KEYS);
    });
  });

  describe('watching a finished job', () => {
    it('GET /watch/{id} sends the status with the page\'s full slug path as title (the record keeps its own), then done and closes', async () => {
      await world.api.get(root('/manuals'), { token: world.token('bob') }); // the slug paths come from the manuals cache
      const stream = await readToEnd(world.url(`/watch/${ctx.bobJob.job_id}`), { Authorization: `Bearer ${world.token('bob')}` }, 15_000);
      world.api.record(stream.text);
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(stream.headers['cache-control']).toContain('no-cache');
      expect(stream.headers['x-accel-buffering']).toBe('no');
      const named = stream.frames.filter((frame) => frame.event !== undefined && frame.event !== 'ping');
      const data = stream.frames.filter((frame) => frame.event === undefined && frame.data !== undefined);
      // The current (terminal) status, the original's duplicate final status, then done.
      expect(data).toHaveLength(2);
      expect(named.map((frame) => frame.event)).toEqual(['done']);
      const status = JSON.parse(data[0].data!) as Json;
      expect(Object.keys(status)).toEqual(PUBLISH_STATUS_KEYS);
      expect(status).toMatchObject({ job_id: ctx.bobJob.job_id, status: 'completed', total_progress: 100, title: 'zcp/section-2/topic-2-1', initiated_by: 'bob' });
      expect(data[1]).toEqual(data[0]);
      expect(JSON.parse(named[0].data!)).toEqual(status);
      // Compact JSON, as the original's separators (",", ":").
      expect(data[0].data).toBe(JSON.stringify(status));
      const last = stream.frames.at(-1)!;
      expect([last.event, last.data]).toEqual(['ping', expect.stringMatching(/^final - /)]);
      expect(stream.elapsedMs).toBeGreaterThanOrEqual(CLOSE_DELAY_MS - 50);
      const record = await world.api.get(root(`/jobs/${ctx.bobJob.job_id}`), { token: world.token('bob') });
      expect(record.body.title).toBe('topic-2-1');
    });

    it('GET /watch/{unknown}: 404 {"detail":"Job not found"} before any event', async () => {
      const response = await world.api.get(root('/watch/00000000-0000-4000-8000-000000000000'), { token: world.token('ann') });
      expect([response.status, response.body]).toEqual([404, errorBody('Job not found')]);
    });
  });
}
