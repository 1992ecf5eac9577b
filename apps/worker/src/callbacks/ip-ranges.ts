import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which forbidden range an IP address is in, or null for a public address: what the callback SSRF guard
 * refuses unless `CALLBACK_ALLOW_PRIVATE` is set. IPv6 forms that carry an IPv4 address (mapped
 * `::ffff:a.b.c.d`, translated `::ffff:0:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
 * `2002::/16`) are judged by that IPv4 address.
 */
export function forbiddenRange(address: string): string | null {
  if (isIPv4(address)) return ipv4Range(ipv4Octets(address));
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv6(bare)) return ipv6Range(ipv6Words(bare));
  return 'not an IP address';
}

type Octets = [number, number, number, number];

const IPV4_RANGES: [string, Octets, number][] = [
  ['this network (0.0.0.0/8)', [0, 0, 0, 0], 8],
  ['private (10.0.0.0/8)', [10, 0, 0, 0], 8],
  ['shared address space (100.64.0.0/10)', [100, 64, 0, 0], 10],
  ['loopback (127.0.0.0/8)', [127, 0, 0, 0], 8],
  ['link-local (169.254.0.0/16)', [169, 254, 0, 0], 16],
  ['private (172.16.0.0/12)', [172, 16, 0, 0], 12],
  ['IETF protocol assignments (192.0.0.0/24)', [192, 0, 0, 0], 24],
  ['private (192.168.0.0/16)', [192, 168, 0, 0], 16],
  ['benchmarking (198.18.0.0/15)', [198, 18, 0, 0], 15],
  ['multicast (224.0.0.0/4)', [224, 0, 0, 0], 4],
  ['reserved (240.0.0.0/4)', [240, 0, 0, 0], 4],
];

function ipv4Range(octets: Octets): string | null {
  const value = toUint32(octets);
  for (const [name, base, bits] of IPV4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === (toUint32(base) & mask) >>> 0) return name;
  }
  return null;
}

const toUint32 = ([a, b, c, d]: Octets) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
const ipv4Octets = (address: string) => address.split('.').map(Number) as Octets;
const fromWords = (high: number, low: number): Octets => [high >> 8, high & 0xff, low >> 8, low & 0xff];

function ipv6Range(w: number[]): string | null {
  const zeroUpTo = (n: number) => w.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified (::)';
  if (zeroUpTo(7) && w[7] === 1) return 'loopback (::1)';
  const embedded = (label: string, octets: Octets) => {
    const range = ipv4Range(octets);
    return range === null ? null : `${label} ${octets.join('.')}: ${range}`;
  };
  if (zeroUpTo(5) && w[5] === 0xffff) return embedded('IPv4-mapped', fromWords(w[6], w[7]));
  if (zeroUpTo(4) && w[4] === 0xffff && w[5] === 0) return embedded('IPv4-translated', fromWords(w[6], w[7]));
  if (zeroUpTo(6)) return embedded('IPv4-compatible', fromWords(w[6], w[7]));
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0)) return embedded('NAT64', fromWords(w[6], w[7]));
  if (w[0] === 0x2002) return embedded('6to4', fromWords(w[1], w[2]));
  if ((w[0] & 0xfe00) === 0xfc00) return 'unique local (fc00::/7)';
  if ((w[0] & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)';
  if ((w[0] & 0xffc0) === 0xfec0) return 'site-local (fec0::/10)';
  if ((w[0] & 0xff00) === 0xff00) return 'multicast (ff00::/8)';
  if (w[0] === 0x100 && zeroUpTo(4)) return 'discard-only (100::/64)';
  return null;
}

/** The eight 16-bit words of a valid IPv6 address (`::` expanded, a dotted IPv4 tail turned into two words). */
function ipv6Words(address: string): number[] {
  let text = address.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = ipv4Octets(tail[1]);
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  const right = parse(rest);
  const middle = rest === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...middle, ...right];
}
