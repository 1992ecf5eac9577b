import { maskSecrets } from '@zmp-manual/publish-pipeline';

/**
 * Masks known secret values (tokens, keys) in text bound for a log line, a job record or an event, the way
 * the pipeline masks its own (`maskSecrets`: as given, URL-encoded and Base64-encoded, longest first).
 * Secrets shorter than 4 characters are not masked: they would garble ordinary text and are not credentials.
 */
export class SecretRedactor {
  private readonly secrets: string[];

  constructor(values: ReadonlyArray<string | null | undefined>) {
    this.secrets = values.filter((value): value is string => typeof value === 'string' && value.length > 0);
  }

  redact(text: string): string {
    return maskSecrets(text, this.secrets);
  }
}
