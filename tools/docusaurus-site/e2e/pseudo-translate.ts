/**
 * A tiny offline stand-in for the translator: it prefixes human text with the target language's own name,
 * so a built page shows at a glance which locale's file Docusaurus used. The caller passes only prose
 * through it; markup, links, code and JSX around the prose stay as they are.
 */
export type Translate = (text: string) => string;

const MARKERS: Record<string, string> = {
  ko: '한국어',
  ja: '日本語',
  ar: 'العربية',
};

export function pseudoTranslator(language: string): Translate {
  const marker = MARKERS[language] ?? language;
  return (text) => `${marker} · ${text}`;
}

/** The source language: text as it is. */
export const original: Translate = (text) => text;
