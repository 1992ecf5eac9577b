import { canonicalLanguageTag } from '@zmp-manual/publish-pipeline';
import { z } from 'zod';
import { httpUrlOf, isPrivateCallbackHost } from './callback-url';
import { notionPageIdOf } from './notion-page-ref';

/** What a publish may ask for, from the configuration (`ApiConfig`). */
export interface PublishRules {
  /** The configured solutions' ids (`config.pipeline.solutions`). */
  solutions: readonly string[];
  /** `SUPPORTED_LANGUAGES`, canonical tags. */
  supportedLanguages: readonly string[];
  /** `TARGET_LANGUAGES`: used when the request names none (absent or null). */
  defaultLanguages: readonly string[];
  /** `CALLBACK_SECRET` set (`enabled`), `CALLBACK_ALLOW_PRIVATE` (`allowPrivate`). */
  callbacks: { enabled: boolean; allowPrivate: boolean };
}

export const MAX_TARGET_LANGUAGES = 20;
export const MAX_TITLE_LENGTH = 500;
/** A page id (36 characters dashed) with room to spare: the value rides on every status event of the job. */
export const MAX_PARENT_ID_LENGTH = 200;
export const MAX_CALLBACK_URL_LENGTH = 2048;
export const PAGE_ID_MESSAGE = 'notion_page_id must be a Notion page id (32 hex digits, dashes optional) or a notion.so page URL';

/** FastAPI's wording for a missing field; `message` for a value of the wrong type. */
const required = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'Field required' : message),
});

function targetLanguages(rules: PublishRules) {
  const supported = rules.supportedLanguages.join(', ');
  return z
    .array(z.string({ error: 'each target language must be a string' }), { error: 'target_languages must be a list of language codes or null' })
    .max(MAX_TARGET_LANGUAGES, { error: `target_languages may name at most ${MAX_TARGET_LANGUAGES} languages` })
    .nullish()
    .transform((codes, ctx) => {
      if (codes === null || codes === undefined) return [...rules.defaultLanguages];
      const tags: string[] = [];
      codes.forEach((code, index) => {
        const tag = canonicalTag(code);
        if (tag !== undefined && rules.supportedLanguages.includes(tag)) tags.push(tag);
        else ctx.addIssue({ code: 'custom', path: [index], message: `unsupported language '${code}'; supported: ${supported}`, input: code });
      });
      return [...new Set(tags)];
    });
}

function canonicalTag(code: string): string | undefined {
  try {
    return canonicalLanguageTag(code.trim());
  } catch {
    return undefined;
  }
}

function callbackUrl(rules: PublishRules) {
  return z
    .string({ error: 'callback_url must be a string' })
    .max(MAX_CALLBACK_URL_LENGTH, { error: `callback_url may be at most ${MAX_CALLBACK_URL_LENGTH} characters` })
    .nullish()
    .transform((text, ctx) => {
      if (text === null || text === undefined) return undefined;
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message, input: text });
        return z.NEVER;
      };
      if (!rules.callbacks.enabled) return fail('callback_url needs CALLBACK_SECRET to be configured');
      const url = httpUrlOf(text.trim());
      if (url === undefined) return fail('callback_url must be an absolute http:// or https:// URL');
      // The worker never sends userinfo (it signs with CALLBACK_SECRET instead): refuse it rather than keep a
      // password in the queued job, where the queue dashboard shows it.
      if (url.username !== '' || url.password !== '') return fail('callback_url must not contain a user name or password');
      if (!rules.callbacks.allowPrivate && isPrivateCallbackHost(url)) {
        return fail('callback_url must not point to a loopback, private or link-local address');
      }
      return url.href;
    });
}

/**
 * The body of `POST /publish`: the original's `PublishRequest` plus an optional `callback_url`, checked against
 * the configuration. Unknown keys are dropped (the original's frontend may send more). The output is what the
 * job needs: the page id dashed and lower-case, the languages canonical and de-duplicated (or the defaults).
 */
export function publishRequestSchema(rules: PublishRules) {
  const solutions = rules.solutions.join(', ');
  return z.object(
    {
      notion_page_id: z.string(required(PAGE_ID_MESSAGE)).transform((text, ctx) => {
        const id = notionPageIdOf(text);
        if (id !== undefined) return id;
        ctx.addIssue({ code: 'custom', message: PAGE_ID_MESSAGE, input: text });
        return z.NEVER;
      }),
      selected_solution: z
        .string(required(`selected_solution must be one of: ${solutions}`))
        .refine((id) => rules.solutions.includes(id), { error: `selected_solution must be one of: ${solutions}` }),
      target_languages: targetLanguages(rules),
      title: z
        .string({ error: 'title must be a string or null' })
        .max(MAX_TITLE_LENGTH, { error: `title may be at most ${MAX_TITLE_LENGTH} characters` })
        .nullish()
        .transform((title) => title ?? null),
      is_directory: z
        .boolean({ error: 'is_directory must be true or false' })
        .nullish()
        .transform((flag) => flag ?? false),
      parent_id: z
        .string({ error: 'parent_id must be a string or null' })
        .max(MAX_PARENT_ID_LENGTH, { error: `parent_id may be at most ${MAX_PARENT_ID_LENGTH} characters` })
        .nullish()
        .transform((id) => id ?? null),
      callback_url: callbackUrl(rules),
    },
    { error: 'the body must be a JSON object' },
  );
}

export type PublishRequest = z.output<ReturnType<typeof publishRequestSchema>>;
