import type { ProviderRequest, TranslationProvider } from '../../src';

/** A provider answering each segment text from `answers` (or with the text itself), recording requests. */
export function fixedProvider(answers: Readonly<Record<string, string>>): TranslationProvider & { requests: ProviderRequest[] } {
  const requests: ProviderRequest[] = [];
  return {
    name: 'fixed',
    model: 'fixed-1',
    requests,
    async translate(request) {
      requests.push(request);
      return { translations: request.segments.map(({ id, text }) => ({ id, text: answers[text] ?? text })), promptTokens: 0, completionTokens: 0 };
    },
  };
}
