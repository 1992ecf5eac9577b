import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook, webhookKey } from './webhook-signature';

// A key of 24 known bytes, serialised the Standard Webhooks way.
const keyBytes = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZI', 'utf8');
const secret = `whsec_${keyBytes.toString('base64')}`;
const content = { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' };

describe('Standard Webhooks signing', () => {
  it('decodes a whsec_ secret to its bytes and uses any other secret as UTF-8', () => {
    expect(webhookKey(secret).equals(keyBytes)).toBe(true);
    expect(webhookKey('plain-secret').toString('utf8')).toBe('plain-secret');
  });

  it('matches the example of the Standard Webhooks reference libraries', () => {
    const reference = { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' };
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', reference)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs "<id>.<timestamp>.<body>" with HMAC-SHA256, base64, behind v1,', () => {
    const expected = createHmac('sha256', keyBytes).update('msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}').digest('base64');
    expect(signWebhook(secret, content)).toBe(`v1,${expected}`);
  });

  it('verifies a good signature, among several, and names what is wrong otherwise', () => {
    const headers = { 'webhook-id': content.id, 'webhook-timestamp': String(content.timestamp), 'webhook-signature': `v1,bm90IGl0 ${signWebhook(secret, content)}` };
    const now = content.timestamp + 10;
    expect(verifyWebhook({ secret, headers, body: content.body, now })).toEqual({ ok: true });
    expect(verifyWebhook({ secret, headers, body: `${content.body} `, now })).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifyWebhook({ secret: 'whsec_d3Jvbmc=', headers, body: content.body, now })).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifyWebhook({ secret, headers, body: content.body, now: now + 600 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifyWebhook({ secret, headers: { ...headers, 'webhook-timestamp': '12.5' }, body: content.body, now })).toEqual({ ok: false, reason: 'bad_timestamp' });
    expect(verifyWebhook({ secret, headers: { ...headers, 'webhook-id': undefined }, body: content.body, now })).toEqual({ ok: false, reason: 'missing_header' });
    expect(verifyWebhook({ secret, headers: { ...headers, 'webhook-id': 'msg_other' }, body: content.body, now })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });
});
