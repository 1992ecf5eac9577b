import { isLanguageCode } from '@zmp-manual/mdx-translator';

/**
 * The canonical form of a BCP-47 language tag (`pt-br` → `pt-BR`, `zh-hans` → `zh-Hans`), as Docusaurus and
 * docusaurus-writer want it, or `undefined` when `code` is not a tag mdx-translator accepts.
 */
export function canonicalLanguageTag(code: string): string | undefined {
  return isLanguageCode(code) ? Intl.getCanonicalLocales(code)[0] : undefined;
}
