/** Secrets shorter than this are not masked: masking `a` would garble every message. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of each secret in `text` with `***`: as given, URL-encoded and Base64-encoded in
 * a Basic `user:secret` pair are all covered by masking the secret and its encodings.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])) {
      masked = masked.split(form).join('***');
    }
  }
  return masked;
}
