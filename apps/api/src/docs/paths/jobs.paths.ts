import { JOB_STATES } from '@zmp-manual/job-events';
import type { ApiConfig } from '../../api.tokens';
import { error, errorRef, eventStream, json, operation, pathParam, queryParam } from '../openapi.operation';
import { ref } from '../openapi.schemas';
import type { Paths } from '../openapi.types';

const jobId = pathParam('job_id', 'The job id.');
const totalCount = { 'X-Total-Count': { schema: { type: 'integer' }, description: 'Jobs matching the filter (all pages).' } } as const;

/** Publishing and following jobs: the original's routes plus cancel, paging, artifacts and downloads. */
export function jobsPaths(config: ApiConfig): Paths {
  const publisher = config.auth.publisherRole;
  return {
    '/publish': {
      post: operation({
        operationId: 'publish',
        tag: 'jobs',
        summary: 'Queue a publish of a Notion page (or subtree) to the Docusaurus site',
        description: `Needs the ${publisher} role. The job record is created before the answer, so \`GET /watch/{job_id}\` works at once. Also limited to RATE_LIMIT_PUBLISH_PER_MINUTE per user.`,
        access: 'publisher',
        requestBody: { required: true, content: { 'application/json': { schema: ref('PublishRequest') } } },
        responses: {
          '200': json('Queued: the original\'s `{"job_id"}`.', ref('PublishResponse')),
          '400': error('Malformed JSON body.', 'Malformed JSON body: Unexpected token'),
          '413': error('The body is larger than BODY_LIMIT_BYTES.'),
          '422': errorRef('ValidationFailed'),
          '503': error('The job could not be queued (the record then says failed).', 'Could not queue the job: Redis unavailable'),
        },
      }),
    },
    '/jobs': {
      get: operation({
        operationId: 'listJobs',
        tag: 'jobs',
        summary: 'List jobs, newest first',
        description:
          'Without `page`/`size`: the original\'s bare array (`limit`, default 10). With `page` or `size`: a page object. Users see their own jobs; admins see all, or one user\'s with `initiated_by`.',
        access: 'user',
        parameters: [
          queryParam('status', 'Only jobs in this state.', { type: 'string', enum: [...JOB_STATES] }),
          queryParam('limit', "The original's page size.", { type: 'integer', minimum: 1, maximum: 100, default: 10 }),
          queryParam('page', 'Page number (ours).', { type: 'integer', minimum: 1, default: 1 }),
          queryParam('size', 'Page size (ours).', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
          queryParam('initiated_by', "Admins: one user's jobs."),
        ],
        responses: {
          '200': json('An array (original form) or a page (`page`/`size` given).', { oneOf: [{ type: 'array', items: ref('JobSummary') }, ref('JobPage')] }, totalCount),
          '422': errorRef('ValidationFailed'),
        },
      }),
    },
    '/jobs/{job_id}': {
      get: operation({
        operationId: 'getJob',
        tag: 'jobs',
        summary: 'A job',
        access: 'user',
        parameters: [jobId],
        responses: {
          '200': json('The job.', ref('JobDetail')),
          '403': error("Someone else's job (admins see all).", 'Not authorized to view this job'),
          '404': error('Unknown job.', 'Job not found'),
        },
      }),
    },
    '/jobs/{job_id}/cancel': {
      post: operation({
        operationId: 'cancelJob',
        tag: 'jobs',
        summary: 'Cancel a job',
        description: `Needs the ${publisher} role; your own job, or any as an admin. A queued job is cancelled at once (200); a running one is asked to stop (202) and nothing is pushed after the worker sees it.`,
        access: 'publisher',
        parameters: [jobId],
        responses: {
          '200': json('Cancelled already.', ref('JobDetail')),
          '202': json('Cancel requested; the job becomes `cancelled` when its worker stops.', ref('JobDetail')),
          '404': error('Unknown job.', 'Job not found'),
          '409': error('The job already finished.', 'Job already finished (completed)'),
        },
      }),
    },
    '/jobs/{job_id}/artifact': {
      get: operation({
        operationId: 'getJobArtifact',
        tag: 'jobs',
        summary: "A signed, expiring link to the zip of the job's generated files",
        description: 'Answers 302 to `/downloads/{token}` (valid DOWNLOAD_LINK_TTL_S, bound to the caller); the body repeats the link for clients that do not follow redirects.',
        access: 'ticket',
        parameters: [jobId],
        responses: {
          '302': json('The link.', ref('ArtifactLink'), { Location: { schema: { type: 'string' }, description: 'The download link.' } }),
          '403': error("Someone else's job.", 'Not authorized to view this job'),
          '404': error('Unknown job, or no artifact kept.', 'Job has no artifact'),
        },
      }),
    },
    '/downloads/{token}': {
      get: operation({
        operationId: 'downloadArtifact',
        tag: 'jobs',
        summary: 'Download a job artifact through its signed link',
        description: 'The token is the credential (from `GET /jobs/{job_id}/artifact`); the user it names must still be allowed to see the job.',
        access: 'public',
        parameters: [pathParam('token', 'The signed token of the link.')],
        responses: {
          '200': {
            description: 'The zip.',
            headers: {
              'Content-Disposition': { schema: { type: 'string' }, description: '`attachment; filename="<solution>-<job_id>.zip"`' },
              'X-Content-SHA256': { schema: { type: 'string' }, description: 'Hex sha-256 of the body.' },
            },
            content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
          },
          '403': error('A tampered link, or the user may no longer see the job.', 'Download link is invalid'),
          '404': error('The job or its artifact is gone.'),
          '410': error('The link expired.', 'Download link expired; ask GET /jobs/{id}/artifact for a new one'),
        },
      }),
    },
    '/watch/{job_id}': {
      get: operation({
        operationId: 'watchJob',
        tag: 'jobs',
        summary: "Follow a job live (SSE), the original's stream",
        description:
          'First the current `PublishStatus` as an unnamed `data:` event (`title` = the page\'s full slug path), then each change, each with an `id:`. `event: ping` every 10 s and a `: ping` comment every 15 s. On a final state: `event: info` (`Job failed: …`) when it failed, the final status again, `event: done`, pings for 15 s, `event: ping` `final - <time>`, then the end. Resume with `Last-Event-ID` or `?last_event_id=`.',
        access: 'ticket',
        parameters: [jobId, queryParam('last_event_id', 'Resume after this event id (instead of the `Last-Event-ID` header).')],
        responses: {
          '200': eventStream('`data:` events carry `PublishStatus` JSON.'),
          '403': error("Someone else's job.", 'Not authorized to watch this job'),
          '404': error('Unknown job (plain JSON, before any SSE byte).', 'Job not found'),
          '429': error('Too many open streams for this user or process.', 'Too many open streams for this user (max 20); close one and retry'),
        },
      }),
    },
  };
}
