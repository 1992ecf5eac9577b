import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { CallbackError } from './callback.errors';
import { forbiddenRange } from './ip-ranges';

/** A callback target after the SSRF check: the URL and the one address the request must connect to. */
export interface CallbackTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to (`dns.lookup` with `all: true` by default). */
export type HostResolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: HostResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** `invalid_url` or `unsupported_scheme` (only http and https are called). */
export function parseCallbackUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CallbackError('invalid_url', 'the callback URL does not parse');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CallbackError('unsupported_scheme', `${url.protocol} is not http or https`);
  return url;
}

export interface ResolveTargetOptions {
  /** Allow loopback, private, link-local … targets (`CALLBACK_ALLOW_PRIVATE`). */
  allowPrivate: boolean;
  resolve?: HostResolver;
}

/**
 * Resolves the URL's host to all its addresses and refuses the target when any of them is in a forbidden
 * range (`forbidden_address`), unless private targets are allowed. The caller connects to the returned
 * address only, so a second DNS answer (rebinding) cannot swap it.
 */
export async function resolveCallbackTarget(url: URL, options: ResolveTargetOptions): Promise<CallbackTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch (error) {
      throw new CallbackError('unresolvable', `${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (addresses.length === 0) throw new CallbackError('unresolvable', `${host} has no address`);
  }
  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      const range = forbiddenRange(address);
      if (range !== null) throw new CallbackError('forbidden_address', `${host} resolves to ${address}, ${range}`);
    }
  }
  const [first] = addresses;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
