import type { RunContext } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { ann } from '../activities/test-fixtures';
import { RenderFailure } from '../activities/render';
import { verifyLink } from '../links/link-token';
import { trackingLinks } from '../links/message-links';
import { MjmlUnreadable } from './mjml-to-html';
import { emailContent, personalizeEmail, unsubscribeHeaders } from './render-email';
import { orderEmail, twoItemOrder } from './test-emails';

const messaging = { publicUrl: 'https://mail.example.com', linkSecret: 'link-secret-for-tests-0123' };
const links = trackingLinks(messaging, 'run-1:mail:1');
const ctx: RunContext = { flow: { id: 'f1', name: 'Flow', version: 1 }, runId: 'run-1', contact: ann, order: twoItemOrder, codes: {} };

/** Where a tracked click leads, or the address itself when it is not a click link. */
function destination(url: string): string {
  const prefix = 'https://mail.example.com/api/t/c/';
  if (!url.startsWith(prefix)) return url;
  const target = verifyLink(messaging.linkSecret, url.slice(prefix.length));
  return target?.kind === 'click' ? `tracked:${target.url}` : 'invalid';
}

describe('personalizeEmail', () => {
  it('renders subject, preheader and MJML with the run’s data and the message’s real links', () => {
    const email = personalizeEmail(orderEmail, ctx, links);
    expect(email.subject).toBe('Order 2025-1042: thank you, Ann');
    expect(email.mjml).toContain('<mjml><mj-head><mj-preview>2 items on their way</mj-preview></mj-head>');
    expect(email.mjml).toContain(`<a href="${links.unsubscribe}">Unsubscribe</a>`);
    expect(email.mjml).toContain(`<a href="${links.viewInBrowser}">View in browser</a>`);
    expect(email.mjml).not.toContain('{{');
  });

  it('names the field that does not render', () => {
    expect(() => personalizeEmail({ ...orderEmail, preheader: '{{ contact.firstName | nope }}' }, ctx, links)).toThrow(RenderFailure);
    expect(() => personalizeEmail({ ...orderEmail, preheader: '{{ contact.firstName | nope }}' }, ctx, links)).toThrow(/^preheader: undefined filter: nope/);
  });
});

describe('emailContent', () => {
  it('renders the product table over the order’s items, tracks clicks but not our own links, and adds the open pixel', async () => {
    const { html, text } = await emailContent(personalizeEmail(orderEmail, ctx, links).mjml, links);
    for (const cell of ['<img src="https://shop.example.com/img/sencha.jpg" alt="" width="48" />', '<td>Sencha</td>', '<td>2</td>', '<td>149 CZK</td>', '<td>Cup &amp; saucer</td>', '<td>250 CZK</td>'])
      expect(html).toContain(cell);
    const hrefs = [...html.matchAll(/<a\b[^>]*?href="([^"]*)"/g)].map((m) => destination((m[1] ?? '').replace(/&amp;/g, '&')));
    expect(hrefs).toEqual([links.viewInBrowser, 'tracked:https://shop.example.com/orders/o-1042?utm_source=email&utm_medium=flow', 'mailto:help@shop.example.com', links.unsubscribe]);
    expect(html).toMatch(new RegExp(`<img src="${links.open}" width="1" height="1" alt=""[^>]*/>\\s*</body>`));
    expect(html).toContain('2 items on their way');

    const tracked = links.click('https://shop.example.com/orders/o-1042?utm_source=email&utm_medium=flow');
    expect(text).toBe(
      [
        `View in browser (${links.viewInBrowser})`,
        '',
        'Hi Ann, thank you for order 2025-1042.',
        '',
        'Item | Qty | Price',
        'Sencha | 2 | 149 CZK',
        'Cup & saucer | 1 | 250 CZK',
        '',
        'Total: 548 CZK',
        '',
        `Your order: ${tracked}`,
        '',
        `Questions? Write to us (mailto:help@shop.example.com). Unsubscribe (${links.unsubscribe})`,
      ].join('\n'),
    );
  });

  it('renders the same email from the same MJML every time (what "view in browser" relies on)', async () => {
    const { mjml } = personalizeEmail(orderEmail, ctx, links);
    expect(await emailContent(mjml, trackingLinks(messaging, 'run-1:mail:1'))).toEqual(await emailContent(mjml, links));
  });

  it('throws MjmlUnreadable for text that is not MJML at all', async () => {
    await expect(emailContent('just text', links)).rejects.toThrow(MjmlUnreadable);
  });
});

it('unsubscribeHeaders: one-click unsubscribing (RFC 8058) with the message’s link', () => {
  expect(unsubscribeHeaders(links)).toEqual({ 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
});
