import { randomUUID } from 'node:crypto';
import type { FlowEvent, FlowGraph, Order } from '@nudgeflow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../../runtime/src/channels/smtp-test-server';
import { orderEmail, twoItemOrder } from '../../runtime/src/email/test-emails';
import type { Page } from './api-client';
import { eventually, sleep } from './poll';
import { shopEvent, shopper, type Shopper } from './shop-data';
import { useIntegrationStack } from './stack-harness';

/*
 * A marketing email with a product table, published over HTTP, sent by the worker process over
 * SMTP into a real SMTP server in this process; its links followed over HTTP as a mail client would.
 */

// Started before the stack (hooks run in the order they are registered): the worker needs its port.
let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
const stack = useIntegrationStack({ env: () => ({ SMTP_URL: smtp.url, EMAIL_FROM: 'Example Shop <shop@example.com>' }) });
afterAll(async () => smtp.stop());

const emailFlow: FlowGraph = {
  schemaVersion: 1,
  name: 'Order email (integration)',
  settings: { reentry: 'always', runPer: 'contact', exitOn: [], timezone: 'UTC' },
  nodes: [
    { id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: 'order.created' } },
    { id: 'mail', type: 'action.sendEmail', position: { x: 0, y: 150 }, config: { ...orderEmail, transactional: false } },
  ],
  edges: [{ id: 'trigger-mail', source: 'trigger', target: 'mail' }],
};

let flowId: string;
beforeAll(async () => {
  flowId = await stack.api.publishFlow(emailFlow);
}, 30_000);

function newOrder(): Order {
  const n = randomUUID().slice(0, 6).toUpperCase();
  return { ...structuredClone(twoItemOrder), id: `o-${n}`, number: `2025-${n}` };
}

/** Posts order.created and resolves to the contact's id. */
async function orderCreated(who: Shopper, order: Order): Promise<string> {
  const posted = await stack.api.postEvents(shopEvent('order.created', who, order));
  expect([posted.status, posted.body.accepted]).toEqual([202, 1]);
  return posted.body.results[0]?.contactId ?? '';
}

const mailsTo = (address: string) => smtp.received.filter((m) => m.envelope.to.includes(address));

async function theMailTo(address: string): Promise<ReceivedMail> {
  const [mail] = await eventually(`an email to ${address}`, async () => mailsTo(address), (mails) => mails.length > 0);
  if (!mail) throw new Error('unreachable: eventually checked the mail');
  return mail;
}

/** Follows a link from the email as a mail client would: no credentials, redirects not followed. */
const follow = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(15_000), ...init });

/** The header as mail clients read it: long header lines are folded. */
function header(mail: ReceivedMail, name: string): string | undefined {
  const lines = mail.raw.split('\r\n\r\n')[0]?.replace(/\r\n(?=[ \t])/g, '').split('\r\n') ?? [];
  return lines.find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}: `))?.slice(name.length + 2);
}

describe('email over SMTP on the real stack', () => {
  it('sends the product-table email with working tracking links, and one-click unsubscribe stops the next one', async () => {
    const who = shopper('email');
    const order = newOrder();
    const contactId = await orderCreated(who, order);
    const mail = await theMailTo(who.email);

    // The MIME message as it arrived.
    const [message] = await eventually(`the message row of ${who.email}`, () => stack.api.messages({ flowId, contactId }), (m) => m[0]?.status === 'sent');
    expect(mail.envelope).toEqual({ from: 'shop@example.com', to: [who.email] });
    expect(mail.parsed.messageId).toBe(`<${message?.id}@example.com>`);
    expect(mail.parsed.from?.value).toEqual([{ name: 'Example Shop', address: 'shop@example.com' }]);
    expect(mail.parsed.subject).toBe(`Order ${order.number}: thank you, ${who.firstName}`);
    const html = mail.parsed.html || '';
    for (const cell of ['<td>Sencha</td>', '<td>2</td>', '<td>149 CZK</td>', '<td>Cup &amp; saucer</td>', '<td>250 CZK</td>', '<img src="https://shop.example.com/img/cup.jpg"']) expect(html).toContain(cell);
    expect(mail.parsed.text).toContain('Sencha | 2 | 149 CZK\nCup & saucer | 1 | 250 CZK');
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = /^<(.+)>$/.exec(header(mail, 'List-Unsubscribe') ?? '')?.[1] ?? '';
    expect(unsubscribeUrl).toMatch(new RegExp(`^${stack.api.baseUrl}/api/unsubscribe/`));
    expect(html).toContain(`href="${unsubscribeUrl}"`);

    // The tracked link leads to the shop; the pixel answers an image. A click this soon after
    // sending is a mail gateway's link scanner, whatever browser it claims to be; Gmail's image
    // proxy loads the pixel when the customer opens the email.
    const clickUrl = /href="([^"]*\/api\/t\/c\/[^"]+)"/.exec(html)?.[1] ?? '';
    const pixelUrl = /<img src="([^"]*\/api\/t\/o\/[^"]+)"/.exec(html)?.[1] ?? '';
    expect(clickUrl.startsWith(`${stack.api.baseUrl}/api/t/c/`)).toBe(true);
    const clicked = await follow(clickUrl, { headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' } });
    expect([clicked.status, clicked.headers.get('location')]).toEqual([302, `https://shop.example.com/orders/${order.id}?utm_source=email&utm_medium=flow`]);
    const opened = await follow(pixelUrl, { headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)' } });
    expect([opened.status, opened.headers.get('content-type')]).toEqual([200, 'image/gif']);

    // Both became events on the contact, naming the message, node and flow; the scanner's marked.
    const events = await stack.api.get<Page<{ event: FlowEvent }>>(`/api/contacts/${contactId}/events`);
    const engagement = events.items.filter((e) => e.event.type.startsWith('email.')).map((e) => [e.event.type, e.event.data]);
    expect(engagement.sort()).toEqual([
      ['email.clicked', { messageId: message?.id, flowId, nodeId: 'mail', runId: message?.runId, url: `https://shop.example.com/orders/${order.id}?utm_source=email&utm_medium=flow`, machine: true, machineReason: 'clicked within 10 s of sending' }],
      ['email.opened', { messageId: message?.id, flowId, nodeId: 'mail', runId: message?.runId }],
    ]);

    // The mail client's one-click unsubscribe; the next marketing email is skipped.
    const unsubscribed = await follow(unsubscribeUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(unsubscribed.status).toBe(200);
    await orderCreated(who, newOrder());
    const messages = await eventually(`the second email to ${who.email} to be decided`, () => stack.api.messages({ flowId, contactId }), (m) => m.length === 2 && m[0]?.status !== 'queued');
    expect(messages.map((m) => [m.status, m.reason])).toEqual([
      ['skipped', 'suppressed'],
      ['sent', undefined],
    ]);
    await sleep(300);
    expect(mailsTo(who.email)).toHaveLength(1);
  }, 60_000);

  it('a mail server that refuses at first (421, then 451) gets the email exactly once', async () => {
    smtp.answer({
      onConnection: (n) => (n === 1 ? { code: 421, message: 'Too many connections, try again later' } : 'accept'),
      onMessage: (n) => (n === 1 ? { code: 421, message: 'Closing, try again later' } : n === 2 ? { code: 451, message: 'Greylisted, try again later' } : 'accept'),
    });
    const who = shopper('refused');
    const contactId = await orderCreated(who, newOrder());
    await theMailTo(who.email);
    const [message] = await eventually(`the message row of ${who.email}`, () => stack.api.messages({ flowId, contactId }), (m) => m[0]?.status === 'sent', { timeoutMs: 45_000 });
    expect(message?.providerId).toBe(`<${message?.id}@example.com>`);
    await sleep(1000);
    expect(mailsTo(who.email)).toHaveLength(1);
    expect(smtp.dataCount).toBe(3);
  }, 90_000);
});
