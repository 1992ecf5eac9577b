import type { z } from 'zod';
import { JobPayloadError } from './errors';

/**
 * A failed zod parse of a queue payload as a `JobPayloadError` naming the first bad field (dotted path,
 * e.g. `target_languages.1`; an unknown key is named itself). `what` names the payload in the message.
 */
export function payloadError(what: string, error: z.ZodError): JobPayloadError {
  const issues = error.issues.map((issue) => {
    const path = issue.path.map(String);
    // An unknown key is reported on the object; name the key itself.
    if (issue.code === 'unrecognized_keys') path.push(...issue.keys);
    return { field: path.join('.'), message: issue.message };
  });
  const first = issues[0] ?? { field: '', message: 'invalid payload' };
  return new JobPayloadError(`Invalid ${what}: ${first.field || '(payload)'}: ${first.message}`, first.field, issues);
}
