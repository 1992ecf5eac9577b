import { PipelineError } from '../errors/pipeline-error';
import { canonicalLanguageTag } from './language-tag';

/**
 * The languages to write: each a canonical BCP-47 tag (`ko`, `pt-BR`, `zh-Hans`, as Docusaurus and the writer
 * want them), without repeats and without the source language. A bad one is refused before any work.
 */
export function targetLanguages(requested: readonly string[], sourceLanguage: string): string[] {
  const languages: string[] = [];
  for (const language of requested) {
    const canonical = canonicalLanguageTag(language);
    if (canonical !== language) {
      const hint = canonical === undefined ? '' : ` (write ${canonical})`;
      throw new PipelineError('translation_failed', `${JSON.stringify(language)} is not a canonical BCP-47 language tag${hint}`, { code: 'invalid_language' });
    }
    if (language !== sourceLanguage && !languages.includes(language)) languages.push(language);
  }
  return languages;
}
