import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import * as fs from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runDemo } from './demo';
import type { DemoRun } from './demo';
import { countKeys } from './redis';
import { BRANCH, GIT_TOKEN, REPO } from './services';

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, root)));
    else out.push(relative(root, path));
  }
  return out.sort();
}

/**
 * `npm run demo -- --once` end to end, in process, on free ports, against the BUILT api and worker (the
 * test target depends on api:build and worker:build) and the real Redis: what it prints is checked against
 * the remote itself, cloned here independently of the demo's own clone, while the services still run.
 */
describe('npm run demo -- --once', () => {
  const lines: string[] = [];
  let run: DemoRun;
  let remote: { head: string; log: string[]; files: string[]; koIndex: string };
  let me: { status: number; body: Record<string, unknown> };
  let runningDuringRun: { api: boolean; worker: boolean };

  beforeAll(async () => {
    run = await runDemo({
      out: { line: (text) => lines.push(text) },
      ports: { notion: 0, openai: 0, git: 0, api: 0 },
      path: process.env.PATH ?? '',
      home: process.env.HOME ?? '/tmp',
      beforeStop: async (demo) => {
        runningDuringRun = { api: demo.services.api.running, worker: demo.services.worker.running };
        const dir = await mkdtemp(join(tmpdir(), 'demo-spec-clone-'));
        try {
          await git.clone({ fs, http, dir, url: demo.services.git.repoUrl(REPO), ref: BRANCH, singleBranch: true, onAuth: () => ({ username: 'x-access-token', password: GIT_TOKEN }) });
          const log = (await git.log({ fs, dir, ref: 'HEAD' })).map((entry) => entry.oid);
          const koIndex = fs.readFileSync(join(dir, 'i18n/ko/docusaurus-plugin-content-docs/current/zcp/index.mdx'), 'utf8');
          remote = { head: log[0], log, files: await listFiles(dir), koIndex };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
        const token = /^ {2}export TOKEN='([^']+)'$/.exec(lines.find((line) => line.startsWith('  export TOKEN=')) ?? '')?.[1] ?? '';
        const response = await fetch(`${demo.services.apiUrl}/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
        me = { status: response.status, body: (await response.json()) as Record<string, unknown> };
      },
    });
  }, 170_000);

  afterAll(async () => {
    if (run) await rm(run.clone.dir, { recursive: true, force: true });
  });

  const output = () => lines.join('\n');

  it('published through the API and followed the job over SSE to completed, progress never going back', () => {
    expect(output()).toContain(`POST ${run.services.apiUrl}/publish (ko, ja) -> job ${run.jobId}`);
    expect(run.statuses.at(-1)).toMatchObject({ status: 'completed', total_progress: 100 });
    const progress = run.statuses.map((status) => status.total_progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const states = run.statuses.map((status) => status.status);
    for (const state of ['exporting', 'translating', 'pushing', 'completed']) expect(states).toContain(state);
    // Not a terminal: plain progress lines, one per state at least.
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}100% {2}completed +Manual published successfully/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}\s*\d+% {2}translating /));
  });

  it('names the commits that are on the remote: the job\'s export and translation commits, the head first', () => {
    const { export: exported, translation } = run.job.commits;
    expect(remote.log.slice(0, 2)).toEqual([translation, exported]);
    expect(lines).toContain(`  export commit       ${exported}`);
    expect(lines).toContain(`  translation commit  ${translation}`);
    const printedLog = lines.filter((line) => /^ {4}[0-9a-f]{40} {2}/.test(line)).map((line) => line.trim().slice(0, 40));
    expect(printedLog).toEqual(remote.log);
  });

  it('lists exactly the files on the remote, with the ko and ja translations, and says where the clone is', () => {
    const start = lines.indexOf(`  ${remote.files.length} files:`);
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 1 + remote.files.length)).toEqual(remote.files.map((file) => `    ${file}`));
    expect(remote.files).toEqual(expect.arrayContaining(['docs/zcp/index.mdx', 'i18n/ko/docusaurus-plugin-content-docs/current/zcp/index.mdx', 'i18n/ja/docusaurus-plugin-content-docs/current/zcp/index.mdx']));
    expect(remote.koIndex).toContain('title: ⟪ko:ZCP⟫');
    expect(output()).toContain(`cloned into ${run.clone.dir} `);
    expect(run.clone.head).toBe(remote.head);
  });

  it('prints curl commands with a dev token the API accepts as a publisher and admin', () => {
    expect(me).toEqual({ status: 200, body: expect.objectContaining({ username: 'demo', is_publisher: true, is_admin: true }) });
    expect(lines).toContain(`  curl -s -H "Authorization: Bearer $TOKEN" ${run.services.apiUrl}/jobs/${run.jobId}`);
    expect(lines).toContain(`  curl -sN -H "Authorization: Bearer $TOKEN" ${run.services.apiUrl}/watch/<job_id from the line above>`);
  });

  it('stopped everything it started and deleted its Redis keys', async () => {
    expect(runningDuringRun).toEqual({ api: true, worker: true });
    expect(run.services.api.running).toBe(false);
    expect(run.services.worker.running).toBe(false);
    expect(run.services.keyPrefix).toMatch(/^demo:[0-9a-f]{8}:$/);
    expect(await countKeys(run.services.redis.url, run.services.keyPrefix)).toBe(0);
    expect(fs.existsSync(run.services.dataDir)).toBe(false);
    await expect(fetch(run.services.git.url)).rejects.toThrow();
  });
});
