import { beforeEach, describe, expect, it } from 'vitest';
import { ann, storeContact, testMessaging } from '../../activities/test-fixtures';
import { findEngagement, insertMessage, listEvents, listSuppressions } from '../../db';
import { emailContent, personalizeEmail } from '../../email/render-email';
import { orderEmail, twoItemOrder } from '../../email/test-emails';
import { signLink } from '../../links/link-token';
import { trackingLinks } from '../../links/message-links';
import { useTestApi } from '../test-api';

const api = useTestApi();
const KEY = 'run-1:mail:1';
const links = trackingLinks(testMessaging, KEY);
const SHOP_URL = 'https://shop.example.com/orders/o-1042?utm_source=email&utm_medium=flow';
const { mjml } = personalizeEmail(orderEmail, { flow: { id: 'f1', name: 'Flow', version: 1 }, runId: 'run-1', contact: ann, order: twoItemOrder, codes: {} }, links);
let messageId: string;

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const GMAIL_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

/** GET or POST a link as a browser follows it (another user agent in init): no credentials, redirects not followed. */
async function follow(url: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}) {
  const res = await api.app.request(url.replace(testMessaging.publicUrl, ''), { redirect: 'manual', ...init, headers: { 'user-agent': CHROME, ...init.headers } });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, type, body: type.startsWith('image/') ? Buffer.from(await res.arrayBuffer()) : await res.text() };
}

async function storeMessage(extra: { idempotencyKey?: string; test?: boolean } = {}) {
  const { message } = await insertMessage(api.db.sql, {
    idempotencyKey: KEY,
    runId: 'run-1',
    flowId: 'f1',
    nodeId: 'mail',
    contactId: 'ann',
    channel: 'email',
    marketing: true,
    to: 'ann@example.com',
    subject: 'Order 2025-1042',
    body: mjml,
    status: 'sent',
    sentAt: '2026-03-02T10:00:00.000Z',
    ...extra,
  });
  return message.id;
}

const eventsOf = async (type: string) => (await listEvents(api.db.sql, { contactId: 'ann', type })).map((e) => ({ id: e.event.id, data: e.event.data }));

beforeEach(async () => {
  await storeContact(api.db.sql);
  messageId = await storeMessage();
});

describe('the open pixel', () => {
  it('answers an uncached 1x1 GIF and records email.opened once, however often it loads', async () => {
    const first = await follow(links.open);
    expect([first.status, first.type, first.headers.get('cache-control')]).toEqual([200, 'image/gif', 'no-store, max-age=0']);
    expect((first.body as Buffer).subarray(0, 6).toString()).toBe('GIF89a');
    await follow(links.open);

    expect(await eventsOf('email.opened')).toEqual([{ id: `email.opened:${messageId}`, data: { messageId, flowId: 'f1', nodeId: 'mail', runId: 'run-1' } }]);
    expect(api.calls.accepted).toBe(1);
  });
});

describe('a tracked link', () => {
  it('redirects to its address and records email.clicked once per link', async () => {
    const res = await follow(links.click(SHOP_URL));
    expect([res.status, res.headers.get('location'), res.headers.get('cache-control')]).toEqual([302, SHOP_URL, 'no-store']);
    await follow(links.click(SHOP_URL));
    await follow(links.click('https://shop.example.com/other'));

    const clicked = await eventsOf('email.clicked');
    expect(clicked.map((e) => e.data).sort((a, b) => String(a?.url).localeCompare(String(b?.url)))).toEqual([
      { messageId, flowId: 'f1', nodeId: 'mail', runId: 'run-1', url: 'https://shop.example.com/orders/o-1042?utm_source=email&utm_medium=flow' },
      { messageId, flowId: 'f1', nodeId: 'mail', runId: 'run-1', url: 'https://shop.example.com/other' },
    ]);
    expect(clicked.every((e) => e.id.startsWith(`email.clicked:${messageId}:`))).toBe(true);
    expect(api.calls.accepted).toBe(2);
  });

  it('still redirects when its message is no longer stored, recording nothing', async () => {
    const res = await follow(trackingLinks(testMessaging, 'run-9:gone:1').click(SHOP_URL));
    expect([res.status, res.headers.get('location')]).toEqual([302, SHOP_URL]);
    expect(await eventsOf('email.clicked')).toEqual([]);
  });
});

describe('machines following the links', () => {
  /** As if the message had just gone out (or `ago` before). */
  const sentAgo = (ago: string) => api.db.sql`update messages set sent_at = now() - ${ago}::interval where id = ${messageId}`;
  const clickedEngagement = () => findEngagement(api.db.sql, { contactId: 'ann', flowId: 'f1', nodeId: 'mail', action: 'clicked', now: new Date() });

  it('records a scanner’s click at once apart from the customer’s click later, both redirected alike', async () => {
    await sentAgo('0 seconds');
    const scanner = await follow(links.click(SHOP_URL));
    expect(await clickedEngagement()).toEqual({ matched: false });
    await sentAgo('1 hour');
    const customer = await follow(links.click(SHOP_URL));
    for (const res of [scanner, customer]) expect([res.status, res.headers.get('location'), res.headers.get('cache-control')]).toEqual([302, SHOP_URL, 'no-store']);

    const clicked = await eventsOf('email.clicked');
    const human = clicked.find((e) => !e.id.endsWith(':machine'));
    expect(clicked.map((e) => e.id).sort()).toEqual([human?.id, `${human?.id}:machine`]);
    expect(clicked.map((e) => e.data).sort((a, b) => Number(Boolean(a?.machine)) - Number(Boolean(b?.machine)))).toEqual([
      { messageId, flowId: 'f1', nodeId: 'mail', runId: 'run-1', url: SHOP_URL },
      { messageId, flowId: 'f1', nodeId: 'mail', runId: 'run-1', url: SHOP_URL, machine: true, machineReason: 'clicked within 10 s of sending' },
    ]);
    // Only the customer's click reaches flows and the engagement condition.
    expect(api.calls.accepted).toBe(1);
    expect(await api.db.sql`select event_id from outbox`).toEqual([{ event_id: human?.id }]);
    const [humanEvent] = (await listEvents(api.db.sql, { contactId: 'ann', type: 'email.clicked' })).filter((e) => e.event.data?.machine === undefined);
    expect(await clickedEngagement()).toEqual({ matched: true, detail: `email.clicked at ${humanEvent?.event.occurredAt}` });
  });

  it('answers HEAD as GET and records nothing', async () => {
    const click = await follow(links.click(SHOP_URL), { method: 'HEAD' });
    const pixel = await follow(links.open, { method: 'HEAD' });
    expect([click.status, click.headers.get('location'), pixel.status, pixel.type, pixel.headers.get('cache-control')]).toEqual([302, SHOP_URL, 200, 'image/gif', 'no-store, max-age=0']);
    expect(await eventsOf('email.clicked')).toEqual([]);
    expect(await eventsOf('email.opened')).toEqual([]);
    expect(api.calls.accepted).toBe(0);
  });

  it('tells HTTP clients and Apple’s prefetch apart from Gmail’s image proxy, with the same answers', async () => {
    await sentAgo('1 second');
    const curl = await follow(links.click(SHOP_URL), { headers: { 'user-agent': 'curl/8.5.0' } });
    const apple = await follow(links.open, { headers: { 'user-agent': 'Mozilla/5.0' } });
    const gmail = await follow(links.open, { headers: { 'user-agent': GMAIL_PROXY } });
    expect([curl.status, curl.headers.get('location')]).toEqual([302, SHOP_URL]);
    expect(apple.body).toEqual(gmail.body);

    expect(await eventsOf('email.clicked')).toMatchObject([{ data: { url: SHOP_URL, machine: true, machineReason: 'HTTP client (curl)' } }]);
    expect((await eventsOf('email.opened')).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: `email.opened:${messageId}`, data: { messageId, flowId: 'f1', nodeId: 'mail', runId: 'run-1' } },
      { id: `email.opened:${messageId}:machine`, data: { messageId, flowId: 'f1', nodeId: 'mail', runId: 'run-1', machine: true, machineReason: 'Apple Mail Privacy Protection prefetch' } },
    ]);
    expect(api.calls.accepted).toBe(1);
  });

  it('takes a click on a message not yet marked sent for a scanner: it is being sent this instant', async () => {
    await api.db.sql`update messages set status = 'queued', sent_at = null where id = ${messageId}`;
    await follow(links.click(SHOP_URL));
    expect(await eventsOf('email.clicked')).toMatchObject([{ data: { machine: true, machineReason: 'clicked within 10 s of sending' } }]);
  });
});

describe('forged and garbled links', () => {
  it('get 404 with a plain page, never a redirect, and record nothing', async () => {
    const forged = signLink('not-our-secret-0123456789', { kind: 'click', message: KEY, url: 'https://evil.example/' });
    const openAsClick = links.open.replace('/api/t/o/', '/api/t/c/');
    const cut = links.click(SHOP_URL).slice(0, -3);
    const script = links.click('javascript:alert(1)');
    for (const url of [`${testMessaging.publicUrl}/api/t/c/${forged}`, openAsClick, cut, script, `${testMessaging.publicUrl}/api/t/c/garbage`, `${testMessaging.publicUrl}/api/t/o/x.y`]) {
      const res = await follow(url);
      expect([url, res.status, res.headers.get('location'), res.type]).toEqual([url, 404, null, 'text/html; charset=UTF-8']);
      expect(res.body).toContain('This link does not work');
    }
    for (const url of [links.viewInBrowser.replace('/api/view/', '/api/unsubscribe/'), `${testMessaging.publicUrl}/api/view/${forged}`]) expect((await follow(url)).status).toBe(404);
    expect(await eventsOf('email.clicked')).toEqual([]);
    expect(await eventsOf('email.opened')).toEqual([]);
  });
});

describe('unsubscribing', () => {
  it('GET only asks (link scanners open links), without changing anything', async () => {
    const res = await follow(links.unsubscribe);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<form method="post"><button type="submit">Unsubscribe</button></form>');
    expect(await listSuppressions(api.db.sql)).toEqual([]);
  });

  it.each([
    ['the page’s button', 'application/x-www-form-urlencoded', ''],
    ['a mail client’s one-click POST (RFC 8058)', 'application/x-www-form-urlencoded', 'List-Unsubscribe=One-Click'],
  ])('POST (%s) suppresses marketing email to the contact at once', async (_, type, body) => {
    const res = await follow(links.unsubscribe, { method: 'POST', headers: { 'content-type': type }, body });
    expect(res.status).toBe(200);
    expect(res.body).toContain('You are unsubscribed');
    expect(await listSuppressions(api.db.sql)).toMatchObject([{ contactId: 'ann', channel: 'email', reason: 'unsubscribed' }]);
  });
});

describe('view in browser', () => {
  it('shows the email as it was sent, sandboxed so that nothing in it can run', async () => {
    const res = await follow(links.viewInBrowser);
    expect(res.status).toBe(200);
    expect(res.body).toBe((await emailContent(mjml, links)).html);
    expect(res.body).toContain('<td>Sencha</td>');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox allow-popups .*default-src 'none'/);
  });

  it('says when the email is not stored', async () => {
    const res = await follow(trackingLinks(testMessaging, 'run-9:gone:1').viewInBrowser);
    expect([res.status, res.body]).toEqual([404, expect.stringContaining('This email is not available')]);
  });
});

describe('a test run’s email', () => {
  it('has working links that record nothing about the (sample) contact', async () => {
    await storeMessage({ idempotencyKey: 'test-run:mail:1', test: true });
    const testLinks = trackingLinks(testMessaging, 'test-run:mail:1');
    expect((await follow(testLinks.open)).status).toBe(200);
    expect((await follow(testLinks.click(SHOP_URL))).headers.get('location')).toBe(SHOP_URL);
    const unsubscribed = await follow(testLinks.unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(unsubscribed.body).toContain('This was a test email');
    expect((await follow(testLinks.viewInBrowser)).status).toBe(200);

    expect(await eventsOf('email.opened')).toEqual([]);
    expect(await eventsOf('email.clicked')).toEqual([]);
    expect(await listSuppressions(api.db.sql)).toEqual([]);
    expect(api.calls.accepted).toBe(0);
  });
});
