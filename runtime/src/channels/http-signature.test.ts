import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './http-signature';

const secret = 'shop-secret-0123456789';
const body = '{"contactId":"ann","total":"12.50 €"}';
const sentAt = new Date('2026-03-02T10:00:00.900Z');
const t = 1772445600;

describe('webhook signatures', () => {
  it('signs "<unix seconds>.<raw body>" with HMAC-SHA256, as t=…,v1=<hex>', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(secret, body, sentAt)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies its own signature within the tolerance', () => {
    const header = signWebhook(secret, body, sentAt);
    expect(verifyWebhookSignature({ secret, header, body, now: new Date('2026-03-02T10:04:59Z') })).toEqual({ ok: true, timestamp: t });
  });

  it.each([
    ['a changed body', { body: body.replace('12.50', '1.25') }, 'the signature does not match'],
    ['another secret', { secret: 'another-secret-0123456789' }, 'the signature does not match'],
    ['an old request (a replay)', { now: new Date('2026-03-02T10:05:01Z') }, 'the timestamp is too old (or in the future)'],
    ['no header', { header: undefined }, 'no signature header'],
    ['a header without a timestamp', { header: 'v1=abc' }, 'the signature header has no timestamp'],
    ['a truncated signature', { header: signWebhook(secret, body, sentAt).slice(0, -2) }, 'the signature does not match'],
  ])('refuses %s', (_what, change, reason) => {
    const options = { secret, header: signWebhook(secret, body, sentAt) as string | undefined, body, now: sentAt, ...change };
    expect(verifyWebhookSignature(options)).toEqual({ ok: false, reason });
  });

  it('accepts any of several v1 values, and takes the tolerance given', () => {
    const v1 = signWebhook(secret, body, sentAt).split(',v1=')[1];
    const header = `t=${t},v1=${'0'.repeat(64)},v1=${v1}`;
    expect(verifyWebhookSignature({ secret, header, body, now: new Date('2026-03-02T11:00:00Z'), toleranceSeconds: 3600 })).toEqual({ ok: true, timestamp: t });
  });
});
