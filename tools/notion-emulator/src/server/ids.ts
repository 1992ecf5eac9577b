import { validationError } from './notion-error';

const UUID = /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})$/i;

/** Accepts an id with or without dashes, as Notion does, and returns the dashed lower-case form. */
export function normalizeId(raw: string, field: string): string {
  const match = UUID.exec(raw);
  if (!match) {
    throw validationError(`path failed validation: path.${field} should be a valid uuid, instead was \`"${raw}"\`.`);
  }
  return match.slice(1).join('-').toLowerCase();
}
