import { UsageError } from '../errors/usage-error';
import { parseLanguages } from './parse-languages';

describe('parseLanguages', () => {
  it('splits, trims and de-duplicates canonical tags', () => {
    expect(parseLanguages('ko, ja,ko,pt-BR,zh-Hans')).toEqual(['ko', 'ja', 'pt-BR', 'zh-Hans']);
    expect(parseLanguages('')).toEqual([]);
  });

  it('refuses what is not a tag, and a tag not written canonically', () => {
    expect(() => parseLanguages('ko,not a tag')).toThrow(new UsageError('--languages: "not a tag" is not a language tag (like ko, ja or pt-BR)'));
    expect(() => parseLanguages('KO')).toThrow(new UsageError('--languages: write "KO" as "ko"'));
    expect(() => parseLanguages('pt_BR')).toThrow(UsageError);
    // A tag the translator refuses (over 64 characters) is a usage error here, not a failed translation later.
    const long = `en-x-${Array(10).fill('abcdefgh').join('-')}`;
    expect(() => parseLanguages(long)).toThrow(new UsageError(`--languages: "${long}" is not a language tag (like ko, ja or pt-BR)`));
  });
});
