import { DemoApiClient } from './api-client';
import type { JobView, PublishRequest } from './api-client';
import { mintDemoToken } from './dev-token';
import { ProgressReporter } from './progress';
import type { ProgressOutput, ProgressStatus } from './progress';
import { DEFAULT_REDIS_URL } from './redis';
import { BRANCH, DEFAULT_PORTS, GIT_TOKEN, LANGUAGES, startServices } from './services';
import type { DemoPorts, DemoServices } from './services';
import { cloneBranch } from '@zmp-manual/git-server';
import type { ClonedBranch } from '@zmp-manual/git-server';
import { watchSse } from './sse';
import { resultLines, tryLines } from './summary';

export interface DemoOptions {
  /** Where lines (and, on a terminal, the progress bar) go. */
  out: ProgressOutput;
  /** Ports to try first; a taken port falls back to a free one; 0 = any free port. */
  ports?: Partial<DemoPorts>;
  redisUrl?: string;
  /** `PATH` (children, `redis-server`) and `HOME` of the child processes. */
  path: string;
  home: string;
  translator?: 'openai' | 'pseudo';
  /** Keep everything running after the publish until `signal` aborts (Ctrl-C). */
  keep?: boolean;
  /** Aborts the run (Ctrl-C): everything started is stopped. */
  signal?: AbortSignal;
  /** Echo the API's, the worker's and redis-server's own lines. */
  verbose?: boolean;
  /** Called with everything still running, after the summary and before the stop (tests look at the remote here). */
  beforeStop?: (run: DemoRun) => Promise<void>;
}

export interface DemoRun {
  services: DemoServices;
  token: string;
  jobId: string;
  /** Every status the watch stream carried, in order. */
  statuses: ProgressStatus[];
  job: JobView;
  clone: ClonedBranch;
}

export const DEMO_USER = 'demo';

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('Interrupted');
}

/**
 * The demo end to end: starts the services, publishes the demo manual into ko and ja through the REST API,
 * follows the job over SSE with a progress bar, clones the pushed tree back, prints where it is, the commits
 * and curl commands, and stops everything it started (after Ctrl-C when `keep`) — also when something fails.
 */
export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const out = options.out;
  const started = Date.now();
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  out.line('zmp-manual demo: publishes a Notion manual to a Docusaurus site in git, in ko and ja.');
  out.line('');
  const services = await startServices({
    ports,
    redisUrl: options.redisUrl ?? DEFAULT_REDIS_URL,
    path: options.path,
    home: options.home,
    translator: options.translator ?? 'openai',
    echo: options.verbose ? out.line : undefined,
    onStep: (what) => out.line(`  ${what}`),
  });
  try {
    throwIfAborted(options.signal);
    const token = mintDemoToken(services.devSecret, { username: DEMO_USER, roles: ['manual-publisher', 'manual-admin'], email: 'demo@zmp-manual.local', expiresInSeconds: options.keep ? 12 * 3600 : 3600 });
    const api = new DemoApiClient(services.apiUrl, token);
    const request: PublishRequest = { notion_page_id: services.rootPageId, selected_solution: 'zcp', target_languages: LANGUAGES, title: 'zcp', is_directory: true };
    const { job_id: jobId } = await api.request<{ job_id: string }>('POST', '/publish', request);
    out.line('');
    out.line(`POST ${services.apiUrl}/publish (${LANGUAGES.join(', ')}) -> job ${jobId}`);
    out.line(`GET  ${services.apiUrl}/watch/${jobId} (SSE, Bearer token):`);

    const publishStarted = Date.now();
    const statuses = await followJob(services, token, jobId, out, options.signal);
    const job = await api.request<JobView>('GET', `/jobs/${jobId}`);
    if (job.status !== 'completed') {
      throw new Error(`The job ended ${job.status}: ${job.message}${job.failure ? ` (${JSON.stringify(job.failure)})` : ''}\nworker's last lines:\n${services.worker.tail(15)}`);
    }
    const clone = await cloneBranch({ url: services.repoUrl, branch: BRANCH, token: GIT_TOKEN, prefix: 'zmp-demo-site-' });
    const summary = { services, token, username: DEMO_USER, jobId, job, clone, seconds: (Date.now() - publishStarted) / 1000 };
    resultLines(summary).forEach((line) => out.line(line));
    tryLines(summary, options.keep === true).forEach((line) => out.line(line));
    const run: DemoRun = { services, token, jobId, statuses, job, clone };
    if (options.keep) {
      out.line('');
      out.line('Everything keeps running. Press Ctrl-C to stop it all.');
      await untilAborted(options.signal);
    }
    await options.beforeStop?.(run);
    out.line('');
    out.line(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s; stopping what the demo started.`);
    return run;
  } finally {
    await services.stop();
  }
}

/** Reads the job's watch stream to `event: done`, drawing the progress; returns every status seen. */
async function followJob(services: DemoServices, token: string, jobId: string, out: ProgressOutput, signal: AbortSignal | undefined): Promise<ProgressStatus[]> {
  const statuses: ProgressStatus[] = [];
  const reporter = new ProgressReporter(out);
  try {
    await watchSse(`${services.apiUrl}/watch/${jobId}`, {
      token,
      signal,
      onEvent: (event) => {
        if (event.event === 'message') {
          const status = JSON.parse(event.data) as ProgressStatus;
          statuses.push(status);
          reporter.update(status);
        } else if (event.event === 'info') {
          reporter.finish();
          out.line(`  ${event.data}`);
        }
        return event.event === 'done';
      },
    });
  } finally {
    reporter.finish();
  }
  return statuses;
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
