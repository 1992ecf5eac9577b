import { isRtl } from '../languages';
import { PLACEHOLDER } from '../segments/placeholders';
import type { ProviderRequest, ProviderResult, TranslationProvider } from './provider.types';

/** Latin letters with marks: still readable, obviously "translated", and no syntax character. */
const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ď', e: 'é', f: 'ƒ', g: 'ğ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ď', E: 'É', F: 'Ƒ', G: 'Ğ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Arabic letters for right-to-left languages, so layouts can be checked with real RTL text. */
const ARABIC = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

function pseudoRun(text: string, rtl: boolean): string {
  return Array.from(text, (char) => {
    if (!rtl) return ACCENTED[char] ?? char;
    const lower = char.toLowerCase();
    return lower >= 'a' && lower <= 'z' ? ARABIC[lower.charCodeAt(0) - 97] : char;
  }).join('');
}

/** Pseudo-localises one text: letters between placeholders change, placeholders stay byte for byte. */
export function pseudoLocalize(text: string, language: string): string {
  const rtl = isRtl(language);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    out += pseudoRun(text.slice(last, match.index), rtl) + match[0];
    last = match.index + match[0].length;
  }
  return out + pseudoRun(text.slice(last), rtl);
}

/**
 * Offline, deterministic pseudo-localisation (the demo default): Latin letters get accents, or become
 * Arabic letters for right-to-left languages; placeholders, digits, punctuation and spaces are kept.
 * It never writes `{ } < >` or Markdown syntax. No tokens are counted.
 */
export function createPseudoProvider(): TranslationProvider {
  return {
    name: 'pseudo',
    model: 'pseudo-1',
    async translate(request: ProviderRequest): Promise<ProviderResult> {
      return {
        translations: request.segments.map(({ id, text }) => ({ id, text: pseudoLocalize(text, request.to) })),
        promptTokens: 0,
        completionTokens: 0,
      };
    },
  };
}
