// Calls the API with the signed-in user's Bearer token. The API's base is the console's parent folder
// (`APP_ROOT/console/` → `APP_ROOT/`), so the console works behind a proxy that adds a path prefix.

/** An error answer of the API: `status` and its `detail` made readable (a string, or FastAPI's problem list). */
export class ApiProblem extends Error {
  constructor(status, detail) {
    super(typeof detail === 'string' ? detail : describeProblems(detail, status));
    this.name = 'ApiProblem';
    this.status = status;
  }
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

function describeProblems(detail, status) {
  if (!Array.isArray(detail)) return `HTTP ${status}`;
  return detail.map((problem) => `${(problem.loc ?? []).join('.')}: ${problem.msg}`).join('; ');
}

export class ApiClient {
  /** `tokens.get()` is the current access token; `onUnauthorized()` runs on every 401. */
  constructor(tokens, onUnauthorized, base = new URL('../', window.location.href)) {
    this.tokens = tokens;
    this.onUnauthorized = onUnauthorized;
    this.base = base;
  }

  /** An absolute URL of an API path (`jobs/<id>`, no leading slash). */
  url(path) {
    return new URL(path, this.base);
  }

  /** The raw `fetch` of `path` with the Authorization header. */
  async fetch(path, init = {}) {
    const headers = { Accept: 'application/json', ...(init.headers ?? {}) };
    const token = this.tokens.get();
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(this.url(path), { ...init, headers });
  }

  /** The JSON answer of `method path` (with a JSON `body`); `ApiProblem` on an error status. */
  async request(method, path, body) {
    const init = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const response = await this.fetch(path, init);
    const text = await response.text();
    const data = parseJson(text);
    if (!response.ok) {
      if (response.status === 401) this.onUnauthorized();
      throw new ApiProblem(response.status, data?.detail ?? `HTTP ${response.status}`);
    }
    return data;
  }
}
