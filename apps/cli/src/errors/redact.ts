/**
 * Masks every secret value (tokens, keys) in `text` with `***`, whatever a library or a host put in a message.
 * Values shorter than 4 characters are left alone: they would mask ordinary words.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

/** The values of the variables that hold secrets, from the environment the command runs with. */
export const SECRET_VARIABLES = ['NOTION_TOKEN', 'GITHUB_TOKEN', 'OPENAI_API_KEY'] as const;

export function secretsOf(env: Readonly<Record<string, string | undefined>>): string[] {
  return SECRET_VARIABLES.map((name) => env[name]?.trim() ?? '').filter((value) => value.length > 0);
}
