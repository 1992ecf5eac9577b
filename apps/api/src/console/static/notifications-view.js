// The notifications list: the user's and the system-wide ones, newest first, live over
// `notifications/stream`; "Mark read" calls `POST notifications/<id>/read`.
import { el, say } from './dom.js';
import { followStream } from './live-stream.js';

export class NotificationsView {
  constructor(api, list, badge) {
    this.api = api;
    this.list = list;
    this.badge = badge;
    this.items = [];
    this.stream = null;
  }

  async start() {
    await this.load();
    this.stream?.close();
    this.stream = followStream(this.api, 'notifications/stream?include_read=true', {
      onData: () => this.load().catch((error) => say(error.message)),
    });
  }

  stop() {
    this.stream?.close();
    this.stream = null;
  }

  async load() {
    this.items = await this.api.request('GET', 'notifications?limit=30&include_read=true');
    this.render();
  }

  async markRead(notification) {
    try {
      await this.api.request('POST', `notifications/${encodeURIComponent(notification.id)}/read`);
      notification.is_read = true;
      this.render();
    } catch (error) {
      say(`Could not mark it read: ${error.message}`);
    }
  }

  render() {
    this.badge.textContent = String(this.items.filter((n) => !n.is_read).length || '');
    this.list.replaceChildren(...this.items.map((n) => this.row(n)));
  }

  row(n) {
    const row = el('li', { id: `notification-${n.id}`, class: n.is_read ? 'read' : 'unread', 'data-job-id': n.job_id },
      el('div', { class: 'note-title' }, `${n.title} (${n.status})`),
      el('div', { class: 'note-message' }, [n.message, n.document_title, n.created_at].filter(Boolean).join(' · ')),
    );
    if (!n.is_read) {
      const mark = el('button', { type: 'button', class: 'mark-read' }, 'Mark read');
      mark.addEventListener('click', () => this.markRead(n));
      row.append(el('div', { class: 'actions' }, mark));
    }
    return row;
  }
}
