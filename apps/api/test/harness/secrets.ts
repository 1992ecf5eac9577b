/**
 * Every secret the API and worker processes are given. Each starts with a distinctive run of characters,
 * so a log line or a body that shows even the beginning of one (the original logged 10 characters of the
 * GitHub token and 5 of the Notion token) is caught.
 */
export const SECRETS = {
  notionToken: 'secret_apiE2eNotion_4c1d8a9b7e',
  openaiKey: 'sk-apiE2eOpenAI-6f0b2c7d9a1e',
  gitToken: 'ghp_apiE2eGitToken_0123456789ab',
  webhookSecret: 'whk_apiE2eVerification_5e8d2f1a0c',
  clientSecret: 'kc_apiE2eClientSecret_93b1e7c4aa',
  downloadSecret: 'dl_apiE2eDownloadSigning_7d4e1f0c2b9a8e6d',
} as const;

/** The forms a secret can leak in: as is, its first 10 characters, URL-encoded, Base64 and Base64url. */
function forms(secret: string): string[] {
  return [secret, secret.slice(0, 10), encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
}

/** Which secrets (by name) appear in `text`, in any of their forms. */
export function secretsIn(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, secret]) => forms(secret).some((form) => text.includes(form)))
    .map(([name]) => name);
}
