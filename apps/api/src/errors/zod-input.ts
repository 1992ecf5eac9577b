import type { z } from 'zod';
import { ValidationError } from './api-error';
import type { ValidationIssue } from './api-error';

/**
 * Parses request input (`location` = `body`, `query` or `path`) with a zod schema: the typed value, or
 * `ValidationError` (422) listing every problem with its place, FastAPI-style. Use in controllers:
 * `const body = parseInput(publishBodySchema, raw, 'body')`.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: 'body' | 'query' | 'path'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues: ValidationIssue[] = parsed.error.issues.map((issue) => ({
    loc: [location, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))],
    msg: issue.message,
    type: issue.code === 'invalid_type' ? 'type_error' : 'value_error',
  }));
  throw new ValidationError(issues);
}
