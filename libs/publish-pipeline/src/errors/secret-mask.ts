/** Secrets shorter than this are not masked: masking `a` would garble every message. */
const MIN_SECRET_LENGTH = 4;
/** Shorter Base64 runs are not masked: they are too likely to occur by chance. */
const MIN_ENCODED_LENGTH = 4;

/**
 * The Base64 characters that encode only the secret's bytes, for each of the three alignments it can have in
 * a longer encoded text: `user:secret` in a Basic authorization header encodes the secret at an offset that
 * depends on the user name, so the encoding of the secret alone is not a substring of it.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    if (core.length >= MIN_ENCODED_LENGTH) forms.push(core);
  }
  return forms;
}

/**
 * Replaces every occurrence of each secret in `text` with `***`: as given, URL-encoded, and Base64-encoded at
 * any offset (alone or in a Basic `user:secret` pair). Longer forms are replaced first, so a secret that
 * contains another is masked whole.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of [secret, encodeURIComponent(secret), ...base64Forms(secret)]) forms.add(form);
  }
  let masked = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) masked = masked.split(form).join('***');
  return masked;
}
