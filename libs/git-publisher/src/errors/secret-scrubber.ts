/** Replaces every occurrence of each secret in `text` with `***`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    scrubbed = scrubbed.split(secret).join('***');
  }
  return scrubbed;
}
