import { signWebhookBody } from '@zmp-manual/notion-emulator';
import { isValidNotionSignature, notionSignature } from './notion-signature';

const SECRET = 'secret_verification_token_of_the_subscription';
const BODY = '{"id":"evt-1","type":"page.content_updated","entity":{"id":"x","type":"page"},"text":"é ✓"}';

describe('Notion webhook signatures', () => {
  it('computes what the Notion emulator sends (sha256=<hex HMAC of the raw bytes>)', () => {
    expect(notionSignature(SECRET, Buffer.from(BODY, 'utf8'))).toBe(signWebhookBody(BODY, SECRET));
    expect(notionSignature(SECRET, Buffer.from(BODY, 'utf8'))).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('accepts only the exact signature of the exact bytes under the right key', () => {
    const body = Buffer.from(BODY, 'utf8');
    const good = signWebhookBody(BODY, SECRET);
    expect(isValidNotionSignature(SECRET, body, good)).toBe(true);
    expect(isValidNotionSignature(SECRET, body, signWebhookBody(BODY, 'another key'))).toBe(false);
    expect(isValidNotionSignature(SECRET, Buffer.from(`${BODY} `, 'utf8'), good)).toBe(false);
    expect(isValidNotionSignature(SECRET, body, good.toUpperCase())).toBe(false);
    expect(isValidNotionSignature(SECRET, body, good.slice('sha256='.length))).toBe(false);
    expect(isValidNotionSignature(SECRET, body, `${good}0`)).toBe(false);
    expect(isValidNotionSignature(SECRET, body, undefined)).toBe(false);
    expect(isValidNotionSignature(SECRET, body, [good])).toBe(false);
  });
});
