import { describe, expect, it } from 'vitest';
import { verifyLink } from './link-token';
import { trackingLinks } from './message-links';

const messaging = { publicUrl: 'https://mail.example.com', linkSecret: 'link-secret-for-tests-0123' };

const tokenOf = (url: string, path: string) => {
  expect(url.startsWith(`https://mail.example.com${path}`)).toBe(true);
  return verifyLink(messaging.linkSecret, url.slice(`https://mail.example.com${path}`.length));
};

describe('trackingLinks', () => {
  const links = trackingLinks(messaging, 'run-1:mail:1');

  it('points each kind of link at its route, signed for the message key', () => {
    expect(tokenOf(links.open, '/api/t/o/')).toEqual({ kind: 'open', message: 'run-1:mail:1' });
    expect(tokenOf(links.unsubscribe, '/api/unsubscribe/')).toEqual({ kind: 'unsubscribe', message: 'run-1:mail:1' });
    expect(tokenOf(links.viewInBrowser, '/api/view/')).toEqual({ kind: 'view', message: 'run-1:mail:1' });
    expect(tokenOf(links.click('https://shop.example.com/p/1'), '/api/t/c/')).toEqual({ kind: 'click', message: 'run-1:mail:1', url: 'https://shop.example.com/p/1' });
  });

  it('writes the same links on every rendering of the same message (a retry renders again)', () => {
    const again = trackingLinks(messaging, 'run-1:mail:1');
    expect([again.open, again.unsubscribe, again.viewInBrowser, again.click('https://a.example/')]).toEqual([links.open, links.unsubscribe, links.viewInBrowser, links.click('https://a.example/')]);
    expect(trackingLinks(messaging, 'run-1:mail:2').open).not.toBe(links.open);
  });

  it('knows its own links, which are never wrapped in click tracking', () => {
    expect(links.isOwn(links.unsubscribe)).toBe(true);
    expect(links.isOwn(links.viewInBrowser)).toBe(true);
    expect(links.isOwn('https://shop.example.com/')).toBe(false);
    expect(links.isOwn('https://mail.example.com.evil.example/api/')).toBe(false);
  });
});
