import type { WriteSolutionResult } from '@zmp-manual/docusaurus-writer';
import { mergeChanges } from './file-changes';

const write = (changes: Partial<WriteSolutionResult>): WriteSolutionResult => ({ created: [], changed: [], removed: [], unchanged: [], manifest: {} as WriteSolutionResult['manifest'], ...changes });

describe('mergeChanges', () => {
  it('says what two writes in a row did to the site as it was before the first', () => {
    const first = write({ created: ['m.json', 'docs/a.mdx', 'i18n/tmp.mdx'], changed: ['docs/b.mdx'], removed: ['docs/c.mdx'] });
    const second = write({ changed: ['m.json', 'docs/b.mdx'], created: ['docs/c.mdx', 'i18n/ko/a.mdx'], removed: ['i18n/tmp.mdx', 'i18n/ko/old.mdx'] });
    expect(mergeChanges([first, undefined, second])).toEqual({
      created: ['docs/a.mdx', 'i18n/ko/a.mdx', 'm.json'],
      changed: ['docs/b.mdx', 'docs/c.mdx'],
      removed: ['i18n/ko/old.mdx'],
    });
  });
});
