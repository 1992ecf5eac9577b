/** The few API calls the demo makes, over plain fetch with the Bearer token. */
export class DemoApiClient {
  constructor(
    /** `http://127.0.0.1:PORT/api/manual/v1` */
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 1_000)}`);
    return JSON.parse(text) as T;
  }
}

/** `POST /publish`'s body (the original's PublishRequest). */
export interface PublishRequest {
  notion_page_id: string;
  selected_solution: string;
  target_languages: string[];
  title: string;
  is_directory: boolean;
}

/** The parts of `GET /jobs/{id}` the demo prints. */
export interface JobView {
  job_id: string;
  status: string;
  message: string;
  failure_reason: string | null;
  created_at: string;
  finished_at: string | null;
  worker: string | null;
  counters: Record<string, number>;
  commits: { export?: string; translation?: string };
  artifact: { size_bytes: number; sha256: string } | null;
  failure: { code?: string; message?: string; step?: string } | null;
}
