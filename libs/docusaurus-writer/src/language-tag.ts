const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Why `language` cannot name a locale folder, or undefined when it can. The tag must be in its canonical BCP 47
 * form (`ko`, `pt-BR`, `zh-Hans`), so one locale never gets two folders that differ only in letter case.
 */
export function languageProblem(language: unknown): string | undefined {
  if (typeof language !== 'string' || !LANGUAGE_TAG.test(language)) {
    return `Language ${JSON.stringify(language)} is not a locale code such as ko, ja or pt-BR.`;
  }
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(language);
  } catch {
    return `Language ${JSON.stringify(language)} is not a valid BCP 47 tag.`;
  }
  if (canonical !== language) return `Write language ${JSON.stringify(language)} as ${JSON.stringify(canonical)}.`;
  return undefined;
}
