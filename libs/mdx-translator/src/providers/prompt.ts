import { LANGUAGES } from '../languages';
import type { GlossaryTerm } from './provider.types';

/** Part of every translation-memory key: bump it when the prompt changes what a translation looks like. */
export const PROMPT_VERSION = '1';

const nameOf = (code: string): string => {
  const known = LANGUAGES.find((language) => language.code === code.split('-')[0]);
  return known === undefined ? code : `${known.name} (${code})`;
};

/** The system message: the rules, the target language line and the glossary entries that apply. */
export function systemPrompt(from: string, to: string, glossary: readonly GlossaryTerm[]): string {
  const lines = [
    `You translate technical product documentation from ${nameOf(from)} to ${nameOf(to)}.`,
    `Target language: ${to}`,
    'The user message is JSON {"segments":[{"id","text"}]}. Answer JSON {"segments":[{"id","text"}]} with every id once and its translation as text.',
    'Tokens like ⟦1⟧ and ⟦/1⟧ stand for formatting, links and code: keep each one exactly once, keep every ⟦n⟧…⟦/n⟧ pair around the words it marks, never translate or alter them.',
    'Keep product names, code, commands, file paths, URLs, environment variables, CLI flags, configuration keys and error codes as written.',
    'Write plain text: add no Markdown, HTML, braces or quotes that are not in the source. Keep line breaks.',
  ];
  if (glossary.length > 0) {
    lines.push('Glossary (always translate these terms this way):');
    for (const term of glossary) lines.push(`- ${term.source} → ${term.target}`);
  }
  return lines.join('\n');
}

/** The user message: the segments payload. */
export function userMessage(to: string, segments: ReadonlyArray<{ id: string; text: string }>): string {
  return JSON.stringify({ target_language: to, segments: segments.map(({ id, text }) => ({ id, text })) });
}

/** Strict structured output: `{segments: [{id, text}]}`. */
export const RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'translations',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        segments: {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'string' }, text: { type: 'string' } },
            required: ['id', 'text'],
            additionalProperties: false,
          },
        },
      },
      required: ['segments'],
      additionalProperties: false,
    },
  },
} as const;

/** Reads the model's JSON answer; undefined when it is not `{segments: [{id, text}]}`. */
export function readAnswer(content: string): Array<{ id: string; text: string }> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return undefined;
  }
  const segments = (parsed as { segments?: unknown } | null)?.segments;
  if (!Array.isArray(segments)) return undefined;
  const result: Array<{ id: string; text: string }> = [];
  for (const item of segments as unknown[]) {
    const { id, text } = (item ?? {}) as { id?: unknown; text?: unknown };
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof text !== 'string') return undefined;
    result.push({ id: String(id), text });
  }
  return result;
}
