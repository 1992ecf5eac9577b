import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { invalidClient } from './errors';
import type { EmulatorSettings } from './options';

const same = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = header === undefined ? null : /^Basic\s+(\S+)$/i.exec(header);
  if (match === null) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

/**
 * Authenticates the client of a token request (`client_secret_basic` or `client_secret_post`); a public
 * client (no secret configured) only names itself. 401 `invalid_client` otherwise.
 */
export function authenticateClient(request: IncomingMessage, form: URLSearchParams, settings: EmulatorSettings): void {
  const basic = basicCredentials(request.headers.authorization);
  const id = basic?.id ?? form.get('client_id');
  const secret = basic?.secret ?? form.get('client_secret');
  if (id !== settings.clientId) throw invalidClient();
  if (settings.clientSecret !== null && (secret === null || !same(secret, settings.clientSecret))) throw invalidClient();
}
