import { FileUrlSigner } from './file-urls';

describe('FileUrlSigner', () => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const signer = new FileUrlSigner(() => 'http://127.0.0.1:9', 3600, () => now);

  it('replaces emulator-file links with signed links that expire in an hour', () => {
    const resolved = signer.resolve({ type: 'file', file: { url: 'emulator-file://logo.png', expiry_time: '' } });
    expect(resolved.file.expiry_time).toBe('2026-01-01T01:00:00.000Z');
    expect(resolved.file.url).toMatch(/^http:\/\/127\.0\.0\.1:9\/__files\/logo\.png\?X-Expires=\d+&X-Signature=[0-9a-f]{64}$/);
  });

  it('leaves external links alone', () => {
    const external = { type: 'external', external: { url: 'https://example.com/a.png' } };
    expect(signer.resolve(external)).toEqual(external);
  });

  it('accepts its own link until it expires, and never a tampered one', () => {
    const { url } = signer.sign('a.pdf');
    const query = new URL(url).searchParams;
    expect(signer.check('a.pdf', query)).toBeUndefined();
    expect(signer.check('b.pdf', query)).toBe('SignatureDoesNotMatch');
    now += 3600 * 1000;
    expect(signer.check('a.pdf', query)).toBe('RequestExpired');
  });
});
