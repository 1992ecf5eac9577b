/** Redis Stream ids (`<ms>-<seq>`): validation and ordering. */

const STREAM_ID = /^(\d{1,20})(?:-(\d{1,20}))?$/;

export function isStreamId(value: string): boolean {
  return STREAM_ID.test(value);
}

/** `"5"` → `"5-0"`; the id must be valid. */
export function normalizeStreamId(value: string): string {
  const match = STREAM_ID.exec(value);
  if (!match) throw new TypeError(`not a stream id: ${value}`);
  return `${BigInt(match[1])}-${BigInt(match[2] ?? '0')}`;
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareStreamIds(a: string, b: string): number {
  const [am, as = '0'] = a.split('-');
  const [bm, bs = '0'] = b.split('-');
  const ms = BigInt(am) - BigInt(bm);
  if (ms !== 0n) return ms < 0n ? -1 : 1;
  const seq = BigInt(as) - BigInt(bs);
  return seq === 0n ? 0 : seq < 0n ? -1 : 1;
}
