import { errorBody } from '../harness/api-client';
import { JOB_KEYS, JOB_LIST_KEYS, PUBLISH_STATUS_KEYS, UTC_ISO, UUID } from '../harness/shapes';
import { IDS } from '../harness/workspace';
import { annPublish, root } from './routes.context';
import type { Json, RoutesContext } from './routes.context';

/** Publishing (the answer, the record, refusals, validation, body limits) and the jobs routes. */
export function jobsCases(ctx: RoutesContext): void {
  const { world } = ctx;

  describe('publishing', () => {
    it('POST /publish answered {"job_id"} only, and the job ran to completed with the original\'s 14 keys first', () => {
      expect(ctx.annJob).toMatchObject({ job_id: expect.stringMatching(UUID) });
      expect(Object.keys(ctx.annJob)).toEqual(JOB_KEYS);
      expect(Object.keys(ctx.annJob).slice(0, 14)).toEqual(PUBLISH_STATUS_KEYS);
      expect(ctx.annJob).toMatchObject({
        status: 'completed',
        message: 'Manual published successfully and pushed to GitHub',
        total_progress: 100,
        failure_reason: null,
        export_progress: 100,
        translation_progress: 100,
        export_files: expect.any(Number),
        notion_page_id: IDS.root,
        solution: 'zcp',
        initiated_by: 'ann',
        title: 'zcp',
        is_directory: true,
        parent_id: null,
        worker: 'worker-routes',
        attempt: 1,
        target_languages: ['ko', 'ja'],
        failure: null,
        cancel_requested_at: null,
        artifact: { size_bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      // The artifact's storage location stays inside.
      expect(Object.keys(ctx.annJob.artifact as Json).sort()).toEqual(['sha256', 'size_bytes']);
      for (const field of ['created_at', 'started_at', 'finished_at', 'updated_at']) expect([field, ctx.annJob[field]]).toEqual([field, expect.stringMatching(UTC_ISO)]);
      expect(Array.isArray(ctx.annJob.log)).toBe(true);
    });

    it('the publish response itself is exactly {"job_id": "<uuid>"}, and the job starts queued for the caller', async () => {
      await world.publishQueue.pause();
      try {
        const response = await world.api.post(root('/publish'), { token: world.token('root'), body: { notion_page_id: IDS.page(1, 1), selected_solution: 'zcp', target_languages: null } });
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ job_id: expect.stringMatching(UUID) });
        const queued = await world.api.get(root(`/jobs/${response.body.job_id}`), { token: world.token('root') });
        expect(queued.body).toMatchObject({ status: 'queued', total_progress: 0, initiated_by: 'root', title: null, is_directory: false, parent_id: null, target_languages: ['ko', 'ja'], worker: null, attempt: 0 });
        // Cancelled while still queued: it never runs.
        const cancelled = await world.api.post(root(`/jobs/${response.body.job_id}/cancel`), { token: world.token('root') });
        expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
      } finally {
        await world.publishQueue.resume();
      }
    });

    it('a viewer without the publisher role: 403 naming the role, and no job', async () => {
      const before = await world.jobs.list({ size: 100 });
      const response = await world.api.post(root('/publish'), { token: world.token('vera'), body: annPublish() });
      expect([response.status, response.body]).toEqual([403, errorBody('This needs the manual-publisher role')]);
      expect((await world.jobs.list({ size: 100 })).total).toBe(before.total);
    });

    it('422 with FastAPI detail arrays (loc, msg, type): unknown solution, unsupported language, malformed page id; no job', async () => {
      const before = await world.jobs.list({ size: 100 });
      const ann = world.token('ann');
      const solution = await world.api.post(root('/publish'), { token: ann, body: { ...annPublish(), selected_solution: 'apim' } });
      expect(solution.status).toBe(422);
      expect(solution.body).toEqual({ detail: [{ loc: ['body', 'selected_solution'], msg: expect.stringContaining('zcp'), type: expect.any(String) }], error_id: expect.any(String) });

      const language = await world.api.post(root('/publish'), { token: ann, body: { ...annPublish(), target_languages: ['ko', 'xx'] } });
      expect(language.status).toBe(422);
      expect(language.body).toEqual({ detail: [{ loc: ['body', 'target_languages', 1], msg: "unsupported language 'xx'; supported: ko, ja", type: expect.any(String) }], error_id: expect.any(String) });

      const page = await world.api.post(root('/publish'), { token: ann, body: { ...annPublish(), notion_page_id: 'not-a-page' } });
      expect(page.status).toBe(422);
      expect(page.body).toEqual({
        detail: [{ loc: ['body', 'notion_page_id'], msg: 'notion_page_id must be a Notion page id (32 hex digits, dashes optional) or a notion.so page URL', type: expect.any(String) }],
        error_id: expect.any(String),
      });

      const missing = await world.api.post(root('/publish'), { token: ann, body: { selected_solution: 'zcp' } });
      expect(missing.status).toBe(422);
      expect((missing.body.detail as Json[]).map((issue) => issue.loc)).toEqual([['body', 'notion_page_id']]);
      expect((await world.jobs.list({ size: 100 })).total).toBe(before.total);
    });

    it('413 for a body over BODY_LIMIT_BYTES, 400 for malformed JSON', async () => {
      const big = { ...annPublish(), title: 'x'.repeat(300_000) };
      const tooLarge = await world.api.post(root('/publish'), { token: world.token('ann'), body: big });
      expect([tooLarge.status, tooLarge.body]).toEqual([413, errorBody('Request body is larger than 262144 bytes')]);
      const malformed = await world.api.post(root('/publish'), { token: world.token('ann'), raw: '{"notion_page_id": ', headers: { 'Content-Type': 'application/json' } });
      expect([malformed.status, malformed.body]).toEqual([400, errorBody(/^Malformed JSON body/)]);
    });
  });

  describe('jobs', () => {
    it('GET /jobs/{unknown}: 404 {"detail":"Job not found"}', async () => {
      const response = await world.api.get(root('/jobs/00000000-0000-4000-8000-000000000000'), { token: world.token('root') });
      expect([response.status, response.body]).toEqual([404, errorBody('Job not found')]);
    });

    it('GET /jobs: the original\'s bare array, newest first, without logs, with X-Total-Count; only the caller\'s jobs', async () => {
      const response = await world.api.get(root('/jobs'), { token: world.token('ann') });
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body)).toBe(true);
      const items = response.body as Json[];
      expect(items.map((job) => job.job_id)).toEqual([ctx.annJob.job_id]);
      expect(Object.keys(items[0])).toEqual(JOB_LIST_KEYS);
      expect(response.headers['x-total-count']).toBe('1');
    });

    it('GET /jobs?page=&size=: a page object; ?limit= the original\'s array; ?status= filters; a bad status 422', async () => {
      const admin = world.token('root');
      const page = await world.api.get(root('/jobs'), { token: admin, query: { page: 1, size: 2 } });
      expect(page.status).toBe(200);
      expect(Object.keys(page.body)).toEqual(['items', 'total', 'page', 'size']);
      expect(page.body).toMatchObject({ total: 3, page: 1, size: 2 });
      expect(page.headers['x-total-count']).toBe('3');
      // Newest first: root's cancelled job, then Bob's, then Ann's.
      expect((page.body.items as Json[]).map((job) => job.initiated_by)).toEqual(['root', 'bob']);
      const second = await world.api.get(root('/jobs'), { token: admin, query: { page: 2, size: 2 } });
      expect((second.body.items as Json[]).map((job) => job.job_id)).toEqual([ctx.annJob.job_id]);

      const limited = await world.api.get(root('/jobs'), { token: admin, query: { limit: 1 } });
      expect(Array.isArray(limited.body)).toBe(true);
      expect((limited.body as Json[]).length).toBe(1);

      const completed = await world.api.get(root('/jobs'), { token: admin, query: { status: 'completed' } });
      expect((completed.body as Json[]).map((job) => job.job_id).sort()).toEqual([ctx.annJob.job_id, ctx.bobJob.job_id].sort());

      const bad = await world.api.get(root('/jobs'), { token: admin, query: { status: 'finished' } });
      expect(bad.status).toBe(422);
      expect(bad.body.detail).toEqual([expect.objectContaining({ loc: ['query', 'status'], msg: expect.stringContaining('completed') })]);
    });

    it('an admin lists everyone\'s jobs, or one user\'s with ?initiated_by=', async () => {
      const all = await world.api.get(root('/jobs'), { token: world.token('root') });
      expect((all.body as Json[]).map((job) => job.initiated_by)).toEqual(['root', 'bob', 'ann']);
      const bobs = await world.api.get(root('/jobs'), { token: world.token('root'), query: { initiated_by: 'bob' } });
      expect((bobs.body as Json[]).map((job) => job.job_id)).toEqual([ctx.bobJob.job_id]);
    });

    it('POST /jobs/{id}/cancel of a finished job: 409 naming its state', async () => {
      const response = await world.api.post(root(`/jobs/${ctx.annJob.job_id}/cancel`), { token: world.token('ann') });
      expect([response.status, response.body]).toEqual([409, errorBody('Job already finished (completed)')]);
    });
  });
}
