// The jobs list: the user's recent jobs, each with its state, progress, cancel and download. Unfinished jobs
// are followed live over `watch/<id>`.
import { el, say } from './dom.js';
import { followStream } from './live-stream.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

export class JobsView {
  constructor(api, list, { onFinished = () => undefined } = {}) {
    this.api = api;
    this.list = list;
    this.onFinished = onFinished;
    this.jobs = new Map();
  }

  /** The newest jobs (`GET jobs?limit=20`); unfinished ones are watched. */
  async load() {
    const records = await this.api.request('GET', 'jobs?limit=20');
    this.closeAll();
    this.list.replaceChildren();
    for (const record of records) this.show(record, 'append');
  }

  /** A job just created: shown first and watched. */
  async track(jobId) {
    this.show(await this.api.request('GET', `jobs/${encodeURIComponent(jobId)}`), 'prepend');
  }

  closeAll() {
    for (const job of this.jobs.values()) job.stream?.close();
    this.jobs.clear();
  }

  show(record, where) {
    const job = { record, row: el('li', { id: `job-${record.job_id}`, 'data-job-id': record.job_id }), stream: null, link: null };
    this.jobs.set(record.job_id, job);
    if (where === 'prepend') this.list.prepend(job.row);
    else this.list.append(job.row);
    this.render(job);
    if (!TERMINAL.has(record.status)) this.watch(job);
  }

  watch(job) {
    const id = job.record.job_id;
    job.stream = followStream(this.api, `watch/${encodeURIComponent(id)}`, {
      onData: (status) => this.update(job, status),
      onInfo: (text) => {
        if (!text.startsWith('ping')) job.info = text;
      },
      onDone: (status) => this.finish(job, status),
      onFail: (error) => say(`Cannot follow job ${id}: ${error.message}`),
    });
  }

  update(job, status) {
    job.record = { ...job.record, ...status };
    this.render(job);
  }

  async finish(job, status) {
    job.stream = null;
    this.update(job, status);
    try {
      job.record = await this.api.request('GET', `jobs/${encodeURIComponent(job.record.job_id)}`);
      this.render(job);
    } catch (error) {
      say(error.message);
    }
    this.onFinished(job.record);
  }

  async cancel(job) {
    try {
      this.update(job, await this.api.request('POST', `jobs/${encodeURIComponent(job.record.job_id)}/cancel`));
    } catch (error) {
      say(`Cancel failed: ${error.message}`);
    }
  }

  /** `GET jobs/<id>/artifact` answers 302 to the signed link: `fetch` follows it, and its URL is the link. */
  async download(job) {
    try {
      const response = await this.api.fetch(`jobs/${encodeURIComponent(job.record.job_id)}/artifact`);
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(typeof body.detail === 'string' ? body.detail : `HTTP ${response.status}`);
      }
      await response.body?.cancel();
      job.link = response.url;
      this.render(job);
    } catch (error) {
      say(`Download failed: ${error.message}`);
    }
  }

  render(job) {
    const r = job.record;
    const finished = TERMINAL.has(r.status);
    const progress = Math.round(Number(r.total_progress ?? 0));
    const actions = el('div', { class: 'actions' });
    if (!finished) actions.append(button('Cancel', 'cancel', () => this.cancel(job)));
    if (r.status === 'completed' && r.artifact) actions.append(button('Get download link', 'get-link', () => this.download(job)));
    if (job.link) actions.append(el('a', { class: 'download', href: job.link, download: `${r.solution ?? 'manual'}-${r.job_id}.zip` }, 'Download zip'));
    job.row.replaceChildren(
      el('div', { class: 'job-head' },
        el('span', { class: `state ${r.status}` }, r.status),
        el('span', { class: 'job-title' }, r.title ?? r.notion_page_id ?? r.job_id),
        el('span', { class: 'job-languages' }, (r.target_languages ?? []).join(', ')),
      ),
      el('progress', { max: '100', value: String(progress), 'aria-label': `progress ${progress}%` }),
      el('div', { class: 'job-message' }, [`${progress}%`, r.message, job.info].filter(Boolean).join(' · ')),
      actions,
    );
  }
}

function button(text, className, onClick) {
  const node = el('button', { type: 'button', class: className }, text);
  node.addEventListener('click', onClick);
  return node;
}
