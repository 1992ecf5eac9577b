/**
 * The JSON key lists the original's frontend reads (seed contract §2–§3), in the original's order, and ours
 * that follow them (decision 0005, apps/api README). Written out here, not imported: the suite checks the
 * wire, not the code that builds it.
 */
export const PUBLISH_STATUS_KEYS = [
  'job_id',
  'status',
  'message',
  'total_progress',
  'failure_reason',
  'export_progress',
  'translation_progress',
  'export_files',
  'notion_page_id',
  'solution',
  'initiated_by',
  'title',
  'is_directory',
  'parent_id',
];

/** `GET /jobs/{id}`: the 14 keys, then ours. */
export const JOB_KEYS = [
  ...PUBLISH_STATUS_KEYS,
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
  'worker',
  'attempt',
  'counters',
  'commits',
  'artifact',
  'failure',
  'target_languages',
  'cancel_requested_at',
  'log',
];

/** An item of `GET /jobs`: the job without its log. */
export const JOB_LIST_KEYS = JOB_KEYS.filter((key) => key !== 'log');

export const NOTIFICATION_KEYS = ['id', 'status', 'title', 'message', 'solution', 'user_id', 'job_id', 'created_at', 'is_read', 'document_title', 'notification_type', 'node'];

export const MANUALS_ITEM_KEYS = ['object_id', 'title', 'is_directory', 'parent_id', 'notion_url', 'index', 'last_edited_time', 'last_edited_by', 'last_editor_avatar_url'];

/** UTC ISO 8601 with milliseconds and `Z` (decision 0003). */
export const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
