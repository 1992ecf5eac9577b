import { z } from 'zod';
import { parseNotionId } from '../notion-id';
import { canonicalLanguageTag } from '../translate/language-tag';

/** The checks of single variables (input: the trimmed, non-empty text). Messages follow the variable name. */

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const schemas = {
  text: z.string(),
  url: httpUrl,
  /** A repository URL: http(s), no credentials (they go in GITHUB_TOKEN), no query or fragment. */
  repositoryUrl: httpUrl.refine(
    (value) => {
      if (!URL.canParse(value)) return true; // already reported as not a URL
      const url = new URL(value);
      return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
    },
    { error: 'must not contain credentials, a query or a fragment (give the token in GITHUB_TOKEN)' },
  ),
  branch: z.string().regex(/^(?!-|\/|.*\/\/|.*\.\.|.*\/$|.*\.lock$)[^\s~^:?*[\\]+$/, { error: 'must be a valid git branch name' }),
  notionId: z
    .string()
    .transform((value) => parseNotionId(value))
    .refine((value): value is string => value !== undefined, { error: 'must be a Notion page id (32 hex digits, dashed or not)' }),
  solutionIds: z
    .string()
    .transform((value) => [...new Set(value.split(',').map((id) => id.trim()).filter((id) => id !== ''))])
    .refine((ids) => ids.length > 0, { error: 'must name at least one solution' })
    .refine((ids) => ids.every((id) => /^[a-z0-9][a-z0-9_-]*$/.test(id)), { error: 'must list lower-case ids (letters, digits, - and _), comma-separated' }),
  languages: z
    .string()
    .transform((value) => (value.toLowerCase() === 'none' ? [] : [...new Set(value.split(',').map((code) => code.trim()).filter((code) => code !== ''))]))
    .transform((codes, context) => {
      const canonical: string[] = [];
      for (const code of codes) {
        const tag = canonicalLanguageTag(code);
        if (tag === undefined) {
          context.addIssue({ code: 'custom', message: `must list BCP-47 language tags (ko, pt-BR, zh-Hans), comma-separated, or none; ${JSON.stringify(code)} is not one` });
          return z.NEVER;
        }
        if (!canonical.includes(tag)) canonical.push(tag);
      }
      return canonical;
    }),
  layout: z.enum(['single', 'per-solution'], { error: 'must be single or per-solution' }),
  provider: z.enum(['openai', 'pseudo'], { error: 'must be openai or pseudo' }),
  positiveInteger: z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .refine((value) => value >= 1 && Number.isSafeInteger(value), { error: 'must be at least 1' }),
  rate: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: 'must be a number of requests per second (0 turns the limit off)' })
    .transform(Number),
  email: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, { error: 'must be an e-mail address' }),
};
