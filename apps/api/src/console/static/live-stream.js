// A live SSE stream of the API through the browser's native EventSource, which cannot send a header: each
// connection gets a fresh single-use ticket (`POST auth/sse-ticket`) as `?ticket=`. A ticket works once, so
// the browser's own reconnection cannot succeed: on `error` the stream is closed and reopened with a new ticket
// and `last_event_id` = the last id seen, and the API resumes exactly there. `done` ends it for good.

const MAX_DELAY_MS = 10_000;
const ignore = () => undefined;

/**
 * Follows `path` (`watch/<job id>`, `notifications/stream`). `onData(json)` gets every unnamed event,
 * `onInfo(text)` the `info` events, `onDone(json)` the final one. Returns `{close()}`.
 */
export function followStream(api, path, { onData, onInfo = ignore, onDone = ignore, onFail = ignore }) {
  let source = null;
  let lastEventId = null;
  let failures = 0;
  let stopped = false;
  let timer = null;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };

  const retry = () => {
    if (stopped) return;
    failures += 1;
    timer = setTimeout(open, Math.min(250 * 2 ** failures, MAX_DELAY_MS));
  };

  async function open() {
    if (stopped) return;
    let ticket;
    try {
      ({ ticket } = await api.request('POST', 'auth/sse-ticket'));
    } catch (error) {
      if (error.status === 401 || error.status === 403) {
        stop();
        onFail(error);
        return;
      }
      retry();
      return;
    }
    if (stopped) return;
    const url = api.url(path);
    url.searchParams.set('ticket', ticket);
    if (lastEventId) url.searchParams.set('last_event_id', lastEventId);
    source = new EventSource(url);
    const remember = (event) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
    };
    source.onopen = () => {
      failures = 0;
    };
    source.onmessage = (event) => {
      remember(event);
      onData(JSON.parse(event.data));
    };
    source.addEventListener('info', (event) => onInfo(event.data));
    source.addEventListener('done', (event) => {
      remember(event);
      stop();
      onDone(JSON.parse(event.data));
    });
    source.onerror = () => {
      source.close();
      retry();
    };
  }

  open();
  return { close: stop };
}
