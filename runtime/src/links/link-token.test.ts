import { describe, expect, it } from 'vitest';
import { signLink, verifyLink } from './link-token';

const secret = 'link-secret-for-tests-0123';

describe('signed link tokens', () => {
  it('give back exactly what was signed, for every kind', () => {
    const targets = [
      { kind: 'open', message: 'run-1:mail:1' },
      { kind: 'unsubscribe', message: 'run-1:mail:1' },
      { kind: 'view', message: 'run-1:mail:1' },
      { kind: 'click', message: 'run-1:mail:1', url: 'https://shop.example.com/cart?a=1&b=ž' },
    ] as const;
    for (const target of targets) expect(verifyLink(secret, signLink(secret, target))).toEqual(target);
  });

  it('are compact: a base64url payload and a 22-character signature', () => {
    const token = signLink(secret, { kind: 'open', message: 'run-1:mail:1' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(token.length).toBeLessThan(70);
  });

  it('refuse another secret, a changed payload, a cut signature and garbage', () => {
    const token = signLink(secret, { kind: 'click', message: 'run-1:mail:1', url: 'https://shop.example.com/' });
    const [payload, sig] = token.split('.') as [string, string];
    const otherUrl = Buffer.from(JSON.stringify({ k: 'c', m: 'run-1:mail:1', u: 'https://evil.example/' })).toString('base64url');
    const asUnsubscribe = Buffer.from(JSON.stringify({ k: 'u', m: 'run-1:mail:1' })).toString('base64url');
    expect(verifyLink('another-secret-0123456789', token)).toBeUndefined();
    expect(verifyLink(secret, `${otherUrl}.${sig}`)).toBeUndefined();
    expect(verifyLink(secret, `${asUnsubscribe}.${sig}`)).toBeUndefined();
    expect(verifyLink(secret, `${payload}.${sig.slice(0, 21)}`)).toBeUndefined();
    expect(verifyLink(secret, payload)).toBeUndefined();
    expect(verifyLink(secret, '')).toBeUndefined();
    expect(verifyLink(secret, '.')).toBeUndefined();
    expect(verifyLink(secret, 'x'.repeat(5000))).toBeUndefined();
  });

});
