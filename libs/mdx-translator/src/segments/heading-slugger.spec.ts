import { HeadingSlugger, slugify } from './heading-slugger';

describe('heading slugs (github-slugger rules, as Docusaurus)', () => {
  it('lower-cases, drops punctuation, turns spaces into hyphens, keeps any script', () => {
    expect(slugify('Configuration: Environment Variables!')).toBe('configuration-environment-variables');
    expect(slugify('Writing <Docs> That Survive {MDX}')).toBe('writing-docs-that-survive-mdx');
    expect(slugify('설치 방법 (v2.0)')).toBe('설치-방법-v20');
    expect(slugify('snake_case and kebab-case')).toBe('snake_case-and-kebab-case');
    // github-slugger drops other numbers (superscripts, fractions) and keeps letter numbers
    expect(slugify('x² and ½ of Ⅻ')).toBe('x-and--of-ⅻ');
  });

  it('numbers repeats in document order', () => {
    const slugger = new HeadingSlugger();
    expect(['Ports', 'Ports', 'Ports-1', 'Ports'].map((text) => slugger.slug(text))).toEqual(['ports', 'ports-1', 'ports-1-1', 'ports-2']);
  });
});
