/**
 * Replaces every occurrence of each secret in `text` with `***`, longest first, so that a secret inside another
 * (a password inside its Basic encoding) cannot break the longer one's match and leave a part of it behind.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length === 0) continue;
    scrubbed = scrubbed.split(secret).join('***');
  }
  return scrubbed;
}
