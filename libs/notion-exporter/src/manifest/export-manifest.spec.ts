import { checkManifest, isUnchanged } from './export-manifest';
import type { ManifestPage } from './export-manifest';

const page: ManifestPage = { lastEditedTime: '2025-03-01T10:15:00.000Z', children: [], body: { type: 'root', children: [] }, assets: [], warnings: [] };
const at = (iso: string) => Date.parse(iso);

describe('isUnchanged', () => {
  it('keeps a page whose last_edited_time is the same and whose minute had ended before the previous export', () => {
    expect(isUnchanged(page, page.lastEditedTime, at('2025-03-01T10:16:00.000Z'))).toBe(true);
  });

  it('re-exports a page edited in the minute the previous export ran (Notion rounds to the minute)', () => {
    expect(isUnchanged(page, page.lastEditedTime, at('2025-03-01T10:15:59.000Z'))).toBe(false);
  });

  it('re-exports a page whose last_edited_time moved, or that the manifest does not know', () => {
    expect(isUnchanged(page, '2025-03-01T10:20:00.000Z', at('2025-04-01T00:00:00.000Z'))).toBe(false);
    expect(isUnchanged(undefined, page.lastEditedTime, at('2025-04-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('checkManifest', () => {
  it('refuses anything that is not a version 1 manifest', () => {
    expect(() => checkManifest({ version: 2 })).toThrow(expect.objectContaining({ code: 'invalid_manifest' }));
    expect(() => checkManifest({ version: 1, pages: {} })).toThrow(expect.objectContaining({ code: 'invalid_manifest' }));
    const ok = { version: 1, rootPageId: 'r', exportedAt: '2025-01-01T00:00:00.000Z', conversion: 'x', pages: {}, assets: {}, users: {} };
    expect(checkManifest(ok)).toBe(ok);
  });
});
