/**
 * A deterministic stand-in for a tokenizer: one token per 4 characters (Unicode code points, rounded
 * up), plus OpenAI's documented chat overheads (3 tokens per message, 3 to prime the answer).
 */
export const CHARS_PER_TOKEN = 4;
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_REQUEST = 3;

export function countCodePoints(text: string): number {
  return Array.from(text).length;
}

export function countTextTokens(text: string): number {
  return Math.ceil(countCodePoints(text) / CHARS_PER_TOKEN);
}

/** Prompt tokens of a request whose messages have the given text contents. */
export function countPromptTokens(contents: readonly string[]): number {
  return contents.reduce((sum, content) => sum + TOKENS_PER_MESSAGE + countTextTokens(content), TOKENS_PER_REQUEST);
}

/** The first `tokens` tokens' worth of `text` (what a `max_tokens` limit lets through). */
export function cutToTokens(text: string, tokens: number): string {
  return Array.from(text).slice(0, tokens * CHARS_PER_TOKEN).join('');
}
