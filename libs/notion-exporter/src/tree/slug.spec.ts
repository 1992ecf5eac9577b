import { slugify, uniqueSlug } from './slug';

const ID = 'ab12cd34-5678-4abc-9def-0123456789ab';

describe('slugify', () => {
  it.each([
    ['Configuration: Environment Variables', 'configuration-environment-variables'],
    ['../ Relative Paths and Traversal', 'relative-paths-and-traversal'],
    ['Writing <Docs> That Survive {MDX}', 'writing-docs-that-survive-mdx'],
    ['Backup & Restore', 'backup-restore'],
    ['3.1.0-beta.1', '3-1-0-beta-1'],
    ['설치 FAQ', '설치-faq'],
    ['Ünïcödé Café', 'ünïcödé-café'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j'],
    ['tab\tand\nnewline\u0000nul', 'tab-and-newline-nul'],
    ['trailing dot.', 'trailing-dot'],
    ['.hidden', 'hidden'],
    ['_draft', 'draft'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title, ID)).toBe(slug);
  });

  it('keeps composed (NFC) characters, whatever form the title came in', () => {
    expect(slugify('Cafe\u0301', ID)).toBe(slugify('Caf\u00e9', ID));
    expect(slugify('Cafe\u0301', ID)).toBe('caf\u00e9');
  });

  it('renames Windows reserved names', () => {
    expect(slugify('CON', ID)).toBe('con-page');
    expect(slugify('nul', ID)).toBe('nul-page');
    expect(slugify('COM1', ID)).toBe('com1-page');
    expect(slugify('Console', ID)).toBe('console');
  });

  it('derives a slug from the page id when nothing is left', () => {
    expect(slugify('', ID)).toBe('page-ab12cd34');
    expect(slugify('../..', ID)).toBe('page-ab12cd34');
    expect(slugify('🚀', ID)).toBe('page-ab12cd34');
  });

  it('bounds the length without leaving a dash at the end', () => {
    const slug = slugify(`${'word '.repeat(40)}end`, ID);
    expect([...slug].length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect([...slugify('설'.repeat(100), ID)]).toHaveLength(60);
  });
});

describe('uniqueSlug', () => {
  it('keeps the first page on the slug and gives later siblings a short page-id suffix', () => {
    const taken = new Set<string>();
    expect(uniqueSlug('setup', 'aaaaaaaa-0000-4000-8000-000000000001', taken)).toBe('setup');
    expect(uniqueSlug('setup', 'bbbbbbbb-0000-4000-8000-000000000002', taken)).toBe('setup-bbbbbb');
    expect(uniqueSlug('setup', 'bbbbbbbb-1111-4000-8000-000000000003', taken)).toBe('setup-bbbbbbbb');
  });
});
