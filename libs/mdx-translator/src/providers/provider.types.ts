/** One glossary entry sent with a request: how a term must be translated. */
export interface GlossaryTerm {
  source: string;
  target: string;
}

export interface ProviderRequest {
  /** Source and target languages (BCP-47). */
  from: string;
  to: string;
  /** Segments as the model sees them: text with `⟦n⟧` / `⟦/n⟧` placeholders. */
  segments: ReadonlyArray<{ id: string; text: string }>;
  /** The glossary entries that occur in these segments. */
  glossary: readonly GlossaryTerm[];
  signal?: AbortSignal;
}

export interface ProviderResult {
  /** One entry per segment the model answered (unchecked: the translator validates every one). */
  translations: ReadonlyArray<{ id: string; text: string }>;
  promptTokens: number;
  completionTokens: number;
}

/**
 * Where translations come from. Implementations throw only `ProviderError` (its `fatal` codes stop the
 * run; any other code makes the translator retry the segments alone, then keep their source text).
 */
export interface TranslationProvider {
  /** `openai`, `pseudo`, or your own. */
  readonly name: string;
  /** The model id; part of every translation-memory key. */
  readonly model: string;
  translate(request: ProviderRequest): Promise<ProviderResult>;
}
