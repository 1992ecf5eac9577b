/** A username/password pair accepted with HTTP Basic authentication. */
export interface GitCredential {
  username: string;
  password: string;
}

export interface GitServerOptions {
  /** Directory holding the bare repositories (`<root>/<name>.git`). Default: a fresh temp dir that `stop()` removes. */
  root?: string;
  /** Port to listen on. Default 0 (any free port). */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Accepted Basic username/password pairs. */
  credentials?: GitCredential[];
  /**
   * Accepted tokens: as the Basic password with any username (`x-access-token:<token>`, `oauth2:<token>`),
   * as the Basic username with an empty or `x-oauth-basic` password, or as `Authorization: Bearer <token>`.
   */
  tokens?: string[];
  /** Let clones and fetches through without credentials (pushes still need them). Default false. */
  anonymousRead?: boolean;
  /**
   * Create `<name>.git` on the first authenticated (or, without any auth, any) push, clone or fetch of an unknown
   * name; an anonymous read (`anonymousRead`) of an unknown name is answered 404. Default true.
   */
  autoCreate?: boolean;
  /** Accept non-fast-forward (force) pushes. Default false: the server answers them with `ng ... non-fast-forward`. */
  allowForcePush?: boolean;
  /** Default branch of repositories the server creates. Default `main`. */
  defaultBranch?: string;
  /** The git executable. Default `git` (looked up on PATH). */
  gitBinary?: string;
  /**
   * One line per request (method, path, service, status, user, duration), plus a line for an internal error or
   * the last stderr line of a failing `git http-backend`. Written before the response ends. Never contains a secret.
   */
  log?: (line: string) => void;
}

export interface CreateRepositoryOptions {
  /** Branch HEAD points to. Default: the server's default branch (`main`). */
  defaultBranch?: string;
  /** Files of an initial commit, by repository path. Without files the repository is empty. */
  files?: Record<string, string | Uint8Array>;
  /** Branch of the initial commit. Default: `defaultBranch`. */
  branch?: string;
  /** Message of the initial commit. Default `Initial commit`. */
  message?: string;
}

export interface CreatedRepository {
  name: string;
  path: string;
  url: string;
  /** Sha of the initial commit, when `files` were given. */
  commit?: string;
}

export interface GitSignature {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  timestamp: number;
}

export interface GitLogEntry {
  sha: string;
  parents: string[];
  author: GitSignature;
  committer: GitSignature;
  /** The full message, without the trailing newline. */
  message: string;
}

/** What a request was for: smart fetch, smart push, dumb-protocol file, or a refused path. */
export type GitService = 'upload-pack' | 'receive-pack' | 'dumb' | 'invalid';

export interface RefUpdate {
  ref: string;
  /** Sha before the push, or undefined when the ref was created. */
  before?: string;
  /** Sha after the push, or undefined when the ref was deleted. */
  after?: string;
}

export interface PushRecord {
  repository: string;
  user?: string;
  updates: RefUpdate[];
}

export interface GitServerStats {
  /** Number of requests answered. */
  total: number;
  /** Requests by service, then by HTTP status: `requests['receive-pack'][401]`. */
  requests: Record<GitService, Record<number, number>>;
  /**
   * Pushes (receive-pack POSTs with at least one ref-update command) for which git answered `ok` for at least
   * one command. A push that changes nothing (every `ok` command has old == new) counts here, with no update.
   */
  pushesAccepted: number;
  /** Pushes for which git answered `ng` for every command (rejected updates, failed unpacks, killed backend). */
  pushesRejected: number;
  /**
   * The accepted pushes, oldest first, each with exactly the commands git accepted that change a ref, taken from
   * the push request itself (so concurrent pushes are never attributed to each other). Recorded before the
   * client gets its answer, so `stats()` right after a push resolves already includes it.
   */
  pushes: PushRecord[];
}

export interface GitServer {
  /** `http://HOST:PORT`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Absolute directory holding the bare repositories. */
  readonly root: string;
  /** `http://HOST:PORT/<name>.git`. Never contains credentials. */
  repoUrl(name: string): string;
  /** Absolute path of `<root>/<name>.git`. */
  repoPath(name: string): string;
  createRepository(name: string, options?: CreateRepositoryOptions): Promise<CreatedRepository>;
  /** Whether `<name>.git` exists. */
  hasRepository(name: string): Promise<boolean>;
  /** Contents (utf8) of `path` at `ref`, or undefined when the ref or the path does not exist. */
  readFile(name: string, ref: string, path: string): Promise<string | undefined>;
  /** Sha `ref` points to, or undefined when it does not resolve. */
  resolveRef(name: string, ref: string): Promise<string | undefined>;
  /** Commits reachable from `ref`, newest first; empty when the ref does not resolve. */
  log(name: string, ref: string): Promise<GitLogEntry[]>;
  stats(): GitServerStats;
  /**
   * Stops listening, ends running git processes, waits for requests in flight (5 s, then kills what still runs)
   * and removes the temp dirs the server made. Idempotent; after a failed removal a later call tries again.
   */
  stop(): Promise<void>;
}
