const MASK = '***';

/**
 * Masks known secret values (tokens, keys) in text bound for a log line, a job record or an event. Secrets
 * shorter than 4 characters are not masked: they would garble ordinary text and are not credentials anyway.
 */
export class SecretRedactor {
  private readonly secrets: string[];

  constructor(values: ReadonlyArray<string | null | undefined>) {
    const forms = new Set<string>();
    for (const value of values) {
      if (!value || value.length < 4) continue;
      forms.add(value);
      forms.add(encodeURIComponent(value));
    }
    // Longest first, so a secret containing another is masked whole.
    this.secrets = [...forms].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  }
}
