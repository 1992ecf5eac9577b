import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com/): `v1,<base64 HMAC-SHA256>` of
 * `<webhook-id>.<webhook-timestamp>.<body>`. A `whsec_` secret is base64 after the prefix (its bytes are
 * the key); any other string is used as UTF-8 bytes.
 */
export function webhookKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');
}

export interface SignedContent {
  id: string;
  /** Unix seconds, as sent in `webhook-timestamp`. */
  timestamp: number;
  body: string;
}

/** The `webhook-signature` header value for this content. */
export function signWebhook(secret: string, content: SignedContent): string {
  const mac = createHmac('sha256', webhookKey(secret)).update(`${content.id}.${content.timestamp}.${content.body}`).digest('base64');
  return `v1,${mac}`;
}

export type WebhookVerdict = { ok: true } | { ok: false; reason: 'missing_header' | 'bad_timestamp' | 'stale_timestamp' | 'signature_mismatch' };

export interface VerifyWebhookInput {
  secret: string;
  /** The request headers (lower-case names, as Node gives them). */
  headers: Record<string, string | string[] | undefined>;
  /** The raw body, exactly as received. */
  body: string;
  /** Unix seconds (default now). */
  now?: number;
  /** How far the timestamp may be from `now` (default 300 s, as the spec suggests). */
  toleranceSeconds?: number;
}

/**
 * What a receiver does: every header present, the timestamp within tolerance, and one of the
 * space-separated `v1,` signatures equal (in constant time) to ours.
 */
export function verifyWebhook(input: VerifyWebhookInput): WebhookVerdict {
  const header = (name: string) => {
    const value = input.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header('webhook-id');
  const timestampText = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestampText || !signatures) return { ok: false, reason: 'missing_header' };
  if (!/^\d+$/.test(timestampText)) return { ok: false, reason: 'bad_timestamp' };
  const timestamp = Number(timestampText);
  const now = input.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? 300)) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(signWebhook(input.secret, { id, timestamp, body: input.body }).slice(3), 'base64');
  const matches = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => {
      const given = Buffer.from(entry.slice(3), 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return matches ? { ok: true } : { ok: false, reason: 'signature_mismatch' };
}
