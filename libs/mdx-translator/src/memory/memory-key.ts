import { createHash } from 'node:crypto';

export interface MemoryKeyInput {
  /** The segment as the model sees it (placeholders included). */
  text: string;
  from: string;
  to: string;
  model: string;
  promptVersion: string;
  /** The glossary entries that apply to this segment. */
  glossary: ReadonlyArray<{ source: string; target: string }>;
}

/**
 * hash(source segment, languages, model, prompt version, applicable glossary): 40 hex digits of SHA-256.
 * Only the glossary entries found in the segment count, so adding a term re-translates only the
 * segments that use it.
 */
export function memoryKey(input: MemoryKeyInput): string {
  const glossary = [...input.glossary].map((entry) => [entry.source, entry.target]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const material = JSON.stringify([input.promptVersion, input.model, input.from, input.to, glossary, input.text]);
  return createHash('sha256').update(material).digest('hex').slice(0, 40);
}
