import type { ProviderRequest, TranslationProvider } from '../../src';

const PLACEHOLDER = /⟦\/?\d+⟧/g;

/**
 * A provider whose "model" rewrites every run of text between placeholders with `rewrite(run, segmentId,
 * runIndex)` and keeps the placeholders: a stand-in for a model that answers with hostile text.
 */
export function scriptedProvider(
  rewrite: (run: string, id: string, index: number) => string,
): TranslationProvider & { requests: ProviderRequest[]; answers: Map<string, string> } {
  const requests: ProviderRequest[] = [];
  const answers = new Map<string, string>();
  return {
    name: 'scripted',
    model: 'scripted-1',
    requests,
    answers,
    async translate(request) {
      requests.push(request);
      const translations = request.segments.map(({ id, text }) => {
        const runs = text.split(PLACEHOLDER);
        const placeholders = text.match(PLACEHOLDER) ?? [];
        const answer = runs.map((run, index) => rewrite(run, id, index) + (placeholders[index] ?? '')).join('');
        answers.set(id, answer);
        return { id, text: answer };
      });
      return { translations, promptTokens: 0, completionTokens: 0 };
    },
  };
}
