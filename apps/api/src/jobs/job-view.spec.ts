import type { JobRecord } from '@zmp-manual/job-events';
import { jobListItem, jobView } from './job-view';

const record: JobRecord = {
  job_id: 'j1',
  status: 'completed',
  message: 'Manual published successfully and pushed to GitHub',
  total_progress: 100,
  failure_reason: null,
  export_progress: 100,
  translation_progress: 100,
  export_files: 3,
  notion_page_id: '1abb7135-d33b-80a7-9eff-f5ae2eaced37',
  solution: 'zcp',
  initiated_by: 'ann',
  title: 'install',
  is_directory: false,
  parent_id: null,
  created_at: '2025-05-20T10:00:00.000Z',
  started_at: '2025-05-20T10:00:01.000Z',
  finished_at: '2025-05-20T10:01:00.000Z',
  updated_at: '2025-05-20T10:01:00.000Z',
  worker: 'pod-1',
  attempt: 1,
  counters: { pages: 3, assets: 1, segments: 40, tokens: 1200, cache_hits: 2 },
  commits: { export: 'a'.repeat(40) },
  artifact: { location: 'redis:artifacts/j1', size_bytes: 2048, sha256: 'f'.repeat(64) },
  log: ['exported 3 pages'],
  failure: null,
  target_languages: ['ko', 'ja'],
  cancel_requested_at: null,
  callbacks: [{ url: 'https://hooks.example.com/', attempt: 1, at: '2025-05-20T10:01:00.000Z', status_code: 200, ok: true, error: null, duration_ms: 12, webhook_id: 'msg_1' }],
};

const ORIGINAL_KEYS = ['job_id', 'status', 'message', 'total_progress', 'failure_reason', 'export_progress', 'translation_progress', 'export_files', 'notion_page_id', 'solution', 'initiated_by', 'title', 'is_directory', 'parent_id'];
const OUR_KEYS = ['created_at', 'started_at', 'finished_at', 'updated_at', 'worker', 'attempt', 'counters', 'commits', 'artifact', 'failure', 'target_languages', 'cancel_requested_at'];

describe('the job JSON', () => {
  it("has the original's 14 keys in its order, then ours, and the log last", () => {
    const json = JSON.parse(JSON.stringify(jobView(record))) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([...ORIGINAL_KEYS, ...OUR_KEYS, 'log']);
    expect(json).toMatchObject({ job_id: 'j1', status: 'completed', counters: record.counters, log: ['exported 3 pages'], target_languages: ['ko', 'ja'] });
  });

  it("never shows where the artifact is kept, nor the callback deliveries", () => {
    const json = jobView(record);
    expect(json.artifact).toEqual({ size_bytes: 2048, sha256: 'f'.repeat(64) });
    expect(JSON.stringify(json)).not.toContain('redis:artifacts');
    expect(JSON.stringify(json)).not.toContain('hooks.example.com');
    expect(jobView({ ...record, artifact: null }).artifact).toBeNull();
  });

  it('lists jobs without their log', () => {
    expect(Object.keys(jobListItem(record))).toEqual([...ORIGINAL_KEYS, ...OUR_KEYS]);
  });
});
