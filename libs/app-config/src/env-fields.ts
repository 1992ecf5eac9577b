import { z } from 'zod';

/**
 * zod fields for env variables: strings in, typed values out, a default when the variable is unset or
 * blank (`FOO=` means "not set", as in most .env files). Messages never repeat the value: it may be a secret.
 */

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A whole number in `[min, max]`. */
export function integerVar(fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, { error: `must be a whole number (${min}–${max})` })
      .transform(Number)
      .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }))
      .prefault(String(fallback)),
  );
}

/** A whole number or undefined when unset (for defaults computed from another variable). */
export function optionalIntegerVar(min: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, { error: `must be a whole number (at least ${min})` })
      .transform(Number)
      .pipe(z.number().min(min, { error: `must be at least ${min}` }))
      .optional(),
  );
}

/** A positive decimal number (days may be fractional: `0.5`). */
export function positiveNumberVar(fallback: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, { error: 'must be a positive number' })
      .transform(Number)
      .pipe(z.number().positive({ error: 'must be greater than 0' }))
      .prefault(String(fallback)),
  );
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/** `true/false`, `1/0`, `yes/no`, `on/off` (any case). */
export function booleanVar(fallback: boolean) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => TRUE.includes(v) || FALSE.includes(v), { error: 'must be true or false' })
      .transform((v) => TRUE.includes(v))
      .prefault(String(fallback)),
  );
}

/** A non-blank string, trimmed. */
export function stringVar(fallback: string) {
  return z.preprocess(blankToUndefined, z.string().trim().prefault(fallback));
}

/** A secret: kept as given (not trimmed inside), `null` when unset. */
export function optionalSecretVar() {
  return z.preprocess(blankToUndefined, z.string().nullable().prefault(null));
}

/** A trimmed string whose URL protocol is one of `protocols`. */
function urlString(protocols: string[], message: string) {
  return z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { error: message },
    );
}

/** A `redis://` or `rediss://` URL. */
export function redisUrlVar(fallback: string) {
  return z.preprocess(blankToUndefined, urlString(['redis:', 'rediss:'], 'must be a redis:// or rediss:// URL').prefault(fallback));
}

/** An `http://` or `https://` URL, `null` when unset. */
export function optionalHttpUrlVar() {
  return z.preprocess(blankToUndefined, urlString(['http:', 'https:'], 'must be an http:// or https:// URL').nullable().prefault(null));
}

/** A trimmed string, `null` when unset. */
export function optionalStringVar() {
  return z.preprocess(blankToUndefined, z.string().trim().nullable().prefault(null));
}
