import { FAILURE_REASONS, JOB_STATES, NOTIFICATION_STATUSES, NOTIFICATION_TYPES } from '@zmp-manual/job-events';
import type { ApiConfig } from '../api.tokens';
import type { Schema, SchemaOrRef } from './openapi.types';

/** The schemas of `components.schemas`, by name. */
export type SchemaName =
  | 'Error'
  | 'ValidationError'
  | 'ValidationIssue'
  | 'StatusAck'
  | 'PublishRequest'
  | 'PublishResponse'
  | 'PublishStatus'
  | 'JobCounters'
  | 'JobCommits'
  | 'JobArtifact'
  | 'JobFailure'
  | 'JobSummary'
  | 'JobDetail'
  | 'JobPage'
  | 'ArtifactLink'
  | 'Notification'
  | 'ManualsItem'
  | 'ManualsList'
  | 'ManualsRefresh'
  | 'SidebarSolution'
  | 'SidebarMenu'
  | 'SseTicket'
  | 'TokenData'
  | 'KeycloakToken'
  | 'NotionVerification'
  | 'NotionWebhookEvent'
  | 'WebhookAnswer'
  | 'WebhookVerification'
  | 'Health'
  | 'Liveness'
  | 'Readiness';

export const ref = (name: SchemaName): SchemaOrRef => ({ $ref: `#/components/schemas/${name}` });

const str = (description?: string, extra: Schema = {}): Schema => ({ type: 'string', ...(description ? { description } : {}), ...extra });
const nullableStr = (description?: string, extra: Schema = {}): Schema => str(description, { nullable: true, ...extra });
const int = (description?: string, extra: Schema = {}): Schema => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
const num = (description?: string, extra: Schema = {}): Schema => ({ type: 'number', ...(description ? { description } : {}), ...extra });
const bool = (description?: string, extra: Schema = {}): Schema => ({ type: 'boolean', ...(description ? { description } : {}), ...extra });
const dateTime = (description: string, nullable = false): Schema => str(description, { format: 'date-time', ...(nullable ? { nullable: true } : {}) });
/** An object whose every listed property is required, in the wire order. */
const object = (properties: Record<string, SchemaOrRef>, extra: Schema = {}): Schema => ({ type: 'object', required: Object.keys(properties), properties, ...extra });

/** The original's 14 `PublishStatus` keys, in its order. */
function publishStatusProperties(config: ApiConfig): Record<string, SchemaOrRef> {
  return {
    job_id: str('The job id (UUID v4).', { format: 'uuid' }),
    status: str('The job state (snake_case, the original values; `queued`, `cancel_requested` and `cancelled` are ours).', { enum: [...JOB_STATES] }),
    message: nullableStr('What the job is doing or why it ended.'),
    total_progress: num('0–100: export fills 0–50, translation 50–100.', { minimum: 0, maximum: 100 }),
    failure_reason: str('Why the job failed, when it did.', { enum: [...FAILURE_REASONS], nullable: true }),
    export_progress: num('0–100.', { minimum: 0, maximum: 100 }),
    translation_progress: num('0–100.', { minimum: 0, maximum: 100 }),
    export_files: int('Files exported so far.', { minimum: 0 }),
    notion_page_id: nullableStr('The published Notion page (dashed UUID).'),
    solution: nullableStr('The solution id.', { enum: [...config.pipeline.solutions.map((solution) => solution.id), null] }),
    initiated_by: nullableStr('Who asked for the publish (`preferred_username`, else `sub`).'),
    title: nullableStr('The page slug as the publish request gave it (`/watch` sends the full slug path instead).'),
    is_directory: bool('Whether the page and its whole subtree were published.', { nullable: true }),
    parent_id: nullableStr('The parent page id the request gave.'),
  };
}

/** `GET /jobs` items: `PublishStatus` followed by our fields (no log). */
function jobSummaryProperties(config: ApiConfig): Record<string, SchemaOrRef> {
  return {
    ...publishStatusProperties(config),
    created_at: dateTime('When the job was queued (UTC ISO 8601, milliseconds, `Z`).'),
    started_at: dateTime('Start of the current attempt.', true),
    finished_at: dateTime('When it reached a final state.', true),
    updated_at: dateTime('Last change.'),
    worker: nullableStr('The pod or host running the current attempt.'),
    attempt: int('0 while queued; 2 and more when a stalled worker was replaced.', { minimum: 0 }),
    counters: ref('JobCounters'),
    commits: ref('JobCommits'),
    artifact: { allOf: [ref('JobArtifact')], nullable: true, description: 'The zip of the generated files, while it is kept.' },
    failure: { allOf: [ref('JobFailure')], nullable: true },
    target_languages: { type: 'array', items: str(), description: 'The languages the job translates into.' },
    cancel_requested_at: dateTime('When a cancel was asked for.', true),
  };
}

const validationIssue: Schema = object({
  loc: { type: 'array', items: { oneOf: [str(), int()] }, description: 'Where: `["body", "target_languages", 1]`, `["query", "limit"]`.' },
  msg: str('What to fix.'),
  type: str('`missing`, `type_error`, `value_error`, `enum`, …'),
});

/** Every schema of the document; enums of solutions and languages come from the configuration. */
export function openApiSchemas(config: ApiConfig): Record<SchemaName, Schema> {
  const solutions = config.pipeline.solutions.map((solution) => solution.id);
  const languages = config.supportedLanguages;
  return {
    Error: object(
      { detail: str('What went wrong and, when the caller can, what to do.'), error_id: str('Also in the server log line of this error.', { format: 'uuid' }) },
      { description: "FastAPI's error shape, plus an id to find the log line.", example: { detail: 'Job not found', error_id: '0b8e5c2a-3f1e-4c55-9a4f-0d7c3c1e9a10' } },
    ),
    ValidationIssue: validationIssue,
    ValidationError: object(
      { detail: { type: 'array', items: ref('ValidationIssue') }, error_id: str(undefined, { format: 'uuid' }) },
      { description: 'Input that does not fit (422), FastAPI-style: every problem with its place.' },
    ),
    StatusAck: object({ status: str(undefined, { enum: ['success'] }) }),
    PublishRequest: {
      type: 'object',
      required: ['notion_page_id', 'selected_solution'],
      description: "The original's `PublishRequest` plus `callback_url`. Unknown keys are ignored.",
      properties: {
        notion_page_id: str('The page to publish: 32 hex digits (dashes optional, any case) or a notion.so page URL containing one.', { example: '1abb7135d33b80a79efff5ae2eaced37' }),
        selected_solution: str('A configured solution.', { enum: solutions }),
        target_languages: {
          type: 'array',
          items: str(undefined, { enum: languages }),
          maxItems: 20,
          nullable: true,
          description: `Languages to translate into (BCP-47, canonicalised, duplicates removed); null or absent = TARGET_LANGUAGES (${config.pipeline.targetLanguages.join(', ')}).`,
        },
        title: nullableStr('The page slug as `GET /manuals` lists it.', { maxLength: 500 }),
        is_directory: bool('Publish the page and its whole subtree.', { default: false, nullable: true }),
        parent_id: nullableStr('The parent page id.', { maxLength: 200 }),
        callback_url: str('Called (signed, Standard Webhooks) when the job ends. Needs CALLBACK_SECRET; a user name or password in the URL is refused; private and loopback hosts are refused unless CALLBACK_ALLOW_PRIVATE.', {
          format: 'uri',
          maxLength: 2048,
          nullable: true,
        }),
      },
      additionalProperties: true,
    },
    PublishResponse: object({ job_id: str('Watch it with `GET /watch/{job_id}`.', { format: 'uuid' }) }),
    PublishStatus: object(publishStatusProperties(config), { description: "The original's job shape: exactly these 14 keys in this order (the `/watch` stream's data)." }),
    JobCounters: object({ pages: int(), assets: int(), segments: int(), tokens: int(), cache_hits: int() }),
    JobCommits: {
      type: 'object',
      description: 'Commit shas pushed by the job, per phase (absent when that phase committed nothing).',
      properties: { export: str(), translation: str() },
    },
    JobArtifact: object({ size_bytes: int(undefined, { minimum: 0 }), sha256: nullableStr('Hex.') }),
    JobFailure: object({ code: str('The library error code.'), step: nullableStr('The pipeline step.'), message: str() }),
    JobSummary: object(jobSummaryProperties(config), { description: 'A job in `GET /jobs`: `PublishStatus` followed by our fields.' }),
    JobDetail: object(
      { ...jobSummaryProperties(config), log: { type: 'array', items: str(), description: 'The last lines the job logged.' } },
      { description: '`GET /jobs/{job_id}`: the 14 `PublishStatus` keys in the original order, then ours.' },
    ),
    JobPage: object({ items: { type: 'array', items: ref('JobSummary') }, total: int(undefined, { minimum: 0 }), page: int(undefined, { minimum: 1 }), size: int(undefined, { minimum: 1 }) }),
    ArtifactLink: object({
      download_url: str('The signed link (also in `Location`): `<APP_ROOT>/downloads/<token>`.'),
      expires_at: dateTime('When the link stops working (DOWNLOAD_LINK_TTL_S).'),
    }),
    Notification: object(
      {
        id: str(undefined, { format: 'uuid' }),
        status: str(undefined, { enum: [...NOTIFICATION_STATUSES] }),
        title: str(),
        message: str(),
        solution: nullableStr(),
        user_id: nullableStr('The user it is for; null = everyone.'),
        job_id: nullableStr(),
        created_at: dateTime('UTC ISO 8601 with milliseconds and `Z`.'),
        is_read: bool('Read by the caller (read marks are per user).'),
        document_title: nullableStr(),
        notification_type: str(undefined, { enum: [...NOTIFICATION_TYPES] }),
        node: { type: 'object', additionalProperties: true, nullable: true, description: 'The page it is about (`notion_page_id`, `title`, …).' },
      },
      { description: "The original's 12 keys in its order." },
    ),
    ManualsItem: object({
      object_id: str('The page id (dashed UUID).'),
      title: str("The page's slug (lower-case, dashed), as the original sent it."),
      is_directory: bool('Whether the page has child pages.'),
      parent_id: nullableStr('null for the solution root.'),
      notion_url: str(undefined, { format: 'uri' }),
      index: int('1-based position among its siblings.', { minimum: 1 }),
      last_edited_time: nullableStr('ISO 8601 with `+00:00`.'),
      last_edited_by: nullableStr(),
      last_editor_avatar_url: nullableStr(),
    }),
    ManualsList: object({ items: { type: 'array', items: ref('ManualsItem'), description: 'Flat, pre-order: the root first, then each child followed by its descendants.' } }),
    ManualsRefresh: object({ status: str(undefined, { enum: ['success'] }), solution: str(), count: int(undefined, { minimum: 0 }), updated_at: dateTime('When the new tree was stored.') }),
    SidebarSolution: object({ name: str('The upper-case id: `ZCP`.'), solution_type: str(undefined, { enum: solutions }), root_page_id: str('Dashed UUID.') }),
    SidebarMenu: object({ solutions: { type: 'array', items: ref('SidebarSolution') } }),
    SseTicket: object({
      ticket: str('Single use; pass as `?ticket=` to `/watch/{job_id}`, `/notifications/stream`, `/jobs/{job_id}/artifact` or the queue dashboard.'),
      expires_in: int('Seconds (SSE_TICKET_TTL_S).'),
    }),
    TokenData: object({
      username: str('`preferred_username`, else `sub`.'),
      email: nullableStr(),
      full_name: nullableStr(),
      roles: { type: 'array', items: str(), description: '`realm_access.roles` and the roles client’s `resource_access` roles.' },
      exp: int('Token expiry (epoch seconds).', { nullable: true }),
      preferred_username: str('The same as `username`.'),
      is_admin: bool(`Has ${config.auth.adminRole}.`),
      is_publisher: bool(`Has ${config.auth.publisherRole} (or is an admin).`),
    }),
    KeycloakToken: {
      type: 'object',
      description: "Keycloak's token response, passed through as it came.",
      required: ['access_token', 'token_type'],
      properties: {
        access_token: str(),
        expires_in: int(),
        refresh_expires_in: int(),
        refresh_token: str(),
        token_type: str(),
        id_token: str(),
        'not-before-policy': int(),
        session_state: str(),
        scope: str(),
      },
      additionalProperties: true,
    },
    NotionVerification: object({ verification_token: str("Notion's subscription handshake token.") }),
    NotionWebhookEvent: {
      type: 'object',
      required: ['id', 'timestamp', 'type', 'entity'],
      description: 'A Notion webhook event (other fields are accepted and ignored).',
      properties: {
        id: str(),
        timestamp: dateTime('Events further than NOTION_WEBHOOK_MAX_AGE_S from now are ignored.'),
        type: str('`page.content_updated`, `page.created`, …'),
        entity: object({ id: str(), type: str() }, { additionalProperties: true }),
        data: { type: 'object', properties: { page_id: str(), parent: object({ id: str(), type: str() }, { additionalProperties: true }) }, additionalProperties: true },
        workspace_id: str(),
      },
      additionalProperties: true,
    },
    WebhookAnswer: object({
      status: str(undefined, { enum: ['accepted', 'ignored'] }),
      message: str('`Cache update scheduled for page <id> in solution: <sol>`, `Event already processed`, …'),
      event_id: str(),
      timestamp: dateTime('When it was handled.'),
    }),
    WebhookVerification: object({ solution: str(), verification_token: str(), received_at: dateTime('When Notion sent it.') }),
    Health: object({ status: str(undefined, { enum: ['healthy'] }), version: str(), timestamp: dateTime('Now (UTC).') }),
    Liveness: object({ status: str(undefined, { enum: ['ok'] }) }),
    Readiness: object({
      status: str(undefined, { enum: ['ready', 'unavailable'] }),
      checks: object({ redis: str('`ok`, or a short reason.') }),
    }),
  };
}
