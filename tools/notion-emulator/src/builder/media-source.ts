import { EMULATOR_FILE_SCHEME } from '../workspace';

/** A Notion-hosted file: its bytes go into `Workspace.files[name]`. */
export interface HostedFile {
  kind: 'hosted';
  name: string;
  data: Buffer;
  contentType: string;
}

/** A file on the web (`type: "external"`). */
export interface ExternalFile {
  kind: 'external';
  url: string;
}

export type MediaSource = HostedFile | ExternalFile;

/**
 * The `expiry_time` stored in fixtures. It means nothing: the emulator replaces every
 * `emulator-file://` link with a freshly signed one (expiring an hour later) each time it serves it.
 */
export const STORED_EXPIRY_TIME = '2025-01-01T00:00:00.000Z';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A Notion-hosted file. `name` is a plain file name (letters, digits, `.`, `_`, `-`): it becomes `files/<name>`. */
export function hosted(name: string, data: Buffer, contentType: string): HostedFile {
  if (!isSafeFileName(name)) throw new Error(`Hosted file name "${name}" must match ${SAFE_NAME} (it becomes files/<name>).`);
  return { kind: 'hosted', name, data, contentType };
}

export function external(url: string): ExternalFile {
  return { kind: 'external', url };
}

export function isSafeFileName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes('..');
}

/** A string is an external URL. */
export function toSource(source: MediaSource | string): MediaSource {
  return typeof source === 'string' ? external(source) : source;
}

/** `{type:'file', file:{url, expiry_time}}` or `{type:'external', external:{url}}`, as in block payloads, icons and covers. */
export function fileObject(
  source: MediaSource,
): { type: 'file'; file: { url: string; expiry_time: string } } | { type: 'external'; external: { url: string } } {
  return source.kind === 'hosted'
    ? { type: 'file', file: { url: `${EMULATOR_FILE_SCHEME}${source.name}`, expiry_time: STORED_EXPIRY_TIME } }
    : { type: 'external', external: { url: source.url } };
}

/** The file name Notion shows for a file block: the hosted name, or the last segment of the URL path. */
export function sourceName(source: MediaSource): string {
  if (source.kind === 'hosted') return source.name;
  const segment = new URL(source.url).pathname.split('/').filter(Boolean).pop() ?? '';
  return decodeURIComponent(segment) || new URL(source.url).hostname;
}
