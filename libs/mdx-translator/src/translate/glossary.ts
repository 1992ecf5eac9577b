import type { GlossaryTerm } from '../providers/provider.types';

/** Terms for one language, or for all (`'*'`). */
export interface GlossaryEntry {
  /** Source term → the translation the model must use. */
  terms?: Readonly<Record<string, string>>;
  /** Terms that stay exactly as written (product names); they become placeholders. */
  doNotTranslate?: readonly string[];
}

/** Keyed by target language (BCP-47) or `'*'` for every language; the language's own entry wins. */
export type Glossary = Readonly<Record<string, GlossaryEntry>>;

export interface ResolvedGlossary {
  terms: GlossaryTerm[];
  doNotTranslate: string[];
}

export function resolveGlossary(glossary: Glossary | undefined, language: string): ResolvedGlossary {
  const common = glossary?.['*'] ?? {};
  const own = glossary?.[language] ?? {};
  const terms = { ...common.terms, ...own.terms };
  return {
    terms: Object.entries(terms)
      .filter(([source, target]) => source.trim().length > 0 && typeof target === 'string')
      .map(([source, target]) => ({ source, target })),
    doNotTranslate: [...(common.doNotTranslate ?? []), ...(own.doNotTranslate ?? [])],
  };
}

/** The glossary terms a text uses (case-insensitive). */
export function termsIn(text: string, terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  const lower = text.toLowerCase();
  return terms.filter((term) => lower.includes(term.source.toLowerCase()));
}
