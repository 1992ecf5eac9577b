import { mergeTranslationFile } from './translation-file.merger';

const entry = (message: string) => ({ message, description: `label ${message}` });

describe('mergeTranslationFile (a locale current.json shared with Docusaurus and people)', () => {
  const foreign = {
    'version.label': { message: 'Next', description: 'The label for version current' },
    'sidebar.other.category.Guides': { message: '가이드', description: 'someone else' },
  };

  it('adds the wanted keys, keeps every other key and sorts the keys', () => {
    const text = mergeTranslationFile(JSON.stringify(foreign), 'current.json', [], { 'sidebar.zcp.category.zcp/b': entry('B'), 'sidebar.zcp.category.zcp/a': entry('A') });
    expect(text).toBe(
      `${JSON.stringify(
        {
          'sidebar.other.category.Guides': foreign['sidebar.other.category.Guides'],
          'sidebar.zcp.category.zcp/a': entry('A'),
          'sidebar.zcp.category.zcp/b': entry('B'),
          'version.label': foreign['version.label'],
        },
        null,
        2,
      )}\n`,
    );
  });

  it('drops the keys it owned before and no longer wants, never the others', () => {
    const before = { ...foreign, 'sidebar.zcp.category.zcp/gone': entry('Gone'), 'sidebar.zcp.category.zcp/stays': entry('Old') };
    const text = mergeTranslationFile(JSON.stringify(before), 'current.json', ['sidebar.zcp.category.zcp/gone', 'sidebar.zcp.category.zcp/stays'], {
      'sidebar.zcp.category.zcp/stays': entry('New'),
    });
    expect(JSON.parse(text!)).toEqual({ ...foreign, 'sidebar.zcp.category.zcp/stays': entry('New') });
  });

  it('takes over a key someone else wrote when it is one of its own', () => {
    const before = { 'sidebar.zcp.category.zcp': { message: 'ZCP', description: 'written by docusaurus write-translations' } };
    const text = mergeTranslationFile(JSON.stringify(before), 'current.json', [], { 'sidebar.zcp.category.zcp': entry('제트') });
    expect(JSON.parse(text!)).toEqual({ 'sidebar.zcp.category.zcp': entry('제트') });
  });

  it('returns undefined when nothing is left, so the file is removed or never created', () => {
    expect(mergeTranslationFile(JSON.stringify({ a: entry('A') }), 'current.json', ['a'], {})).toBeUndefined();
    expect(mergeTranslationFile(undefined, 'current.json', [], {})).toBeUndefined();
  });

  it.each(['not json', '[1, 2]', 'null'])('refuses to overwrite a broken file: %s', (text) => {
    expect(() => mergeTranslationFile(text, 'i18n/ko/current.json', [], { a: entry('A') })).toThrow(
      expect.objectContaining({ code: 'invalid_translation_file', path: 'i18n/ko/current.json' }),
    );
  });
});
