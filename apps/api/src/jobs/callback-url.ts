import { BlockList, isIP } from 'node:net';

/** Addresses a callback must not reach unless private targets are allowed (the worker checks resolved names again). */
const forbidden = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv6');
}

/** `::ffff:10.0.0.1` (or `::ffff:a00:1`) → `10.0.0.1`; other addresses unchanged. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(.+)$/i.exec(address);
  if (mapped) {
    const rest = mapped[1];
    if (isIP(rest) === 4) return { address: rest, family: 'ipv4' };
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(rest);
    if (hex) {
      const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
      return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 'ipv4' };
    }
  }
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * Whether a callback URL's host is a loopback, private, link-local or unspecified address, or a `localhost`
 * name — checked on the text of the URL only: the worker resolves names and checks every address again
 * before it connects (so a public name pointing inside is refused there).
 */
export function isPrivateCallbackHost(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 0) return false;
  const { address, family } = unmapped(host);
  return forbidden.check(address, family);
}

/** `url` parsed when it is an absolute http(s) URL, else `undefined`. */
export function httpUrlOf(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
