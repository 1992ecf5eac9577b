import { gzipSync } from 'node:zlib';
import { PushCommandReader, ReportStatusReader } from './push-report';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

function pkt(text: string | Buffer): Buffer {
  const payload = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0')), payload]);
}

const FLUSH = Buffer.from('0000');
const body = Buffer.concat([
  pkt(`${A} ${B} refs/heads/main\0 report-status side-band-64k agent=test\n`),
  pkt(`${ZERO} ${A} refs/heads/new\n`),
  pkt(`${B} ${ZERO} refs/heads/gone\n`),
  FLUSH,
  Buffer.from('PACK\0\0\0\x02not really a pack'),
]);
const expected = [
  { ref: 'refs/heads/main', before: A, after: B },
  { ref: 'refs/heads/new', before: undefined, after: A },
  { ref: 'refs/heads/gone', before: B, after: undefined },
];

describe('PushCommandReader', () => {
  it('reads the commands before the pack, byte by byte, with the capabilities', async () => {
    const reader = new PushCommandReader(undefined);
    for (const byte of body) reader.write(Buffer.from([byte]));
    await reader.end();
    expect(reader.commands).toEqual(expected);
    expect(reader.complete).toBe(true);
    expect(reader.sideBand).toBe(true);
  });

  it('gunzips a gzip-encoded body first', async () => {
    const reader = new PushCommandReader('gzip');
    const zipped = gzipSync(body);
    reader.write(zipped.subarray(0, 10));
    reader.write(zipped.subarray(10));
    await reader.end();
    expect(reader.commands).toEqual(expected);
  });

  it('reads no command from the lone flush the git CLI probes with, and fails on garbage', async () => {
    const probe = new PushCommandReader(undefined);
    probe.write(FLUSH);
    await probe.end();
    expect(probe.commands).toEqual([]);
    const garbage = new PushCommandReader(undefined);
    garbage.write(Buffer.from('hello world'));
    expect(garbage.failed).toBe(true);
  });
});

describe('ReportStatusReader', () => {
  const report = Buffer.concat([
    pkt('unpack ok\n'),
    pkt('ok refs/heads/main\n'),
    pkt('ng refs/heads/new non-fast-forward\n'),
    pkt('ok refs/heads/gone\n'),
    FLUSH,
  ]);

  it('reads ok/ng lines inside side-band channel 1, split across packets and chunks, skipping progress', () => {
    const reader = new ReportStatusReader(true);
    const stream = Buffer.concat([
      pkt(Buffer.concat([Buffer.from([2]), Buffer.from('progress 50%\n')])),
      pkt(Buffer.concat([Buffer.from([1]), report.subarray(0, 17)])),
      pkt(Buffer.concat([Buffer.from([1]), report.subarray(17)])),
      FLUSH,
    ]);
    for (let offset = 0; offset < stream.length; offset += 7) reader.write(stream.subarray(offset, offset + 7));
    expect(reader.unpack).toBe('ok');
    expect(Object.fromEntries(reader.statuses)).toEqual({
      'refs/heads/main': { ok: true },
      'refs/heads/new': { ok: false, reason: 'non-fast-forward' },
      'refs/heads/gone': { ok: true },
    });
  });

  it('reads plain pkt-lines without side-band', () => {
    const reader = new ReportStatusReader(false);
    reader.write(report);
    expect(reader.statuses.get('refs/heads/new')).toEqual({ ok: false, reason: 'non-fast-forward' });
  });
});
