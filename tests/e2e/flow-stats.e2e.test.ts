import type { FlowEvent, FlowGraph, Order } from '@nudgeflow/shared';
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { trackingLinks } from '../../runtime/src/links/message-links';
import type { Message } from '../integration/api-client';
import { eventually as pollUntil, sleep } from '../integration/poll';
import { ebookOrder, shopEvent, shopper, type Shopper } from '../integration/shop-data';
import { unnamedControls } from './accessibility';
import { EditorPage } from './editor-page';
import { describeE2e, eventually, useEditorStack } from './harness';

const FLOW_NAME = 'Order follow-up (stats)';
const DRAFT_NAME = 'Never published (stats)';
const QUIET_NAME = 'Published, no orders yet (stats)';
/** The stack's own link secret, so that this test can follow the email's open and click links as a mail client does. */
const LINK_SECRET = 'flow-stats-e2e-link-secret-0123456789';
/** A person's browser: tracking tells machines (link scanners, HTTP clients) from people by it. */
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' };
/** A click within 10 s of sending is a link scanner's (runtime/src/api/tracking/machine-hit.ts). */
const HUMAN_CLICK_AFTER_MS = 11_000;

const EMAIL_MJML =
  '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ contact.firstName }}, thank you for paying order {{ order.number }}.</mj-text>' +
  '<mj-button href="https://shop.example.com/ebooks">Download your e-book</mj-button>' +
  '<mj-text><a href="{{ links.unsubscribe }}">Unsubscribe</a></mj-text></mj-column></mj-section></mj-body></mjml>';

/** order.created → e-book? → yes: wait for the payment (1 h) → paid: email; no: SMS. Cancelling the order is the goal. */
function followUpFlow(): FlowGraph {
  return {
    schemaVersion: 1,
    name: FLOW_NAME,
    settings: { reentry: 'once', runPer: 'contact', exitOn: [{ event: 'order.cancelled' }], timezone: 'Europe/Prague' },
    nodes: [
      { id: 'trigger', type: 'trigger.event', position: { x: 250, y: 0 }, config: { event: 'order.created' } },
      { id: 'is_ebook', type: 'condition.orderContains', label: 'Contains an e-book?', position: { x: 250, y: 170 }, config: { source: 'order', match: 'any', skus: [], categories: ['ebook'], attributes: [] } },
      { id: 'wait_paid', type: 'wait.untilEvent', label: 'Paid within an hour?', position: { x: 60, y: 360 }, config: { event: 'order.paid', sameOrder: true, timeout: 'PT1H' } },
      { id: 'email_licence', type: 'action.sendEmail', label: 'E-book email', position: { x: 60, y: 550 }, config: { subject: 'Your e-book from order {{ order.number }}', mjml: EMAIL_MJML } },
      { id: 'sms_thanks', type: 'action.sendSms', label: 'Thank-you SMS', position: { x: 440, y: 360 }, config: { body: 'Thank you for order {{ order.number }}, {{ contact.firstName }}!' } },
    ],
    edges: [
      { id: 'trigger-is_ebook', source: 'trigger', target: 'is_ebook' },
      { id: 'is_ebook-yes-wait_paid', source: 'is_ebook', sourceHandle: 'yes', target: 'wait_paid' },
      { id: 'is_ebook-no-sms_thanks', source: 'is_ebook', sourceHandle: 'no', target: 'sms_thanks' },
      { id: 'wait_paid-event-email_licence', source: 'wait_paid', sourceHandle: 'event', target: 'email_licence' },
    ],
  };
}

/** A printed book: not an e-book, so its buyer gets the SMS. */
function bookOrder(label: string, total = 590): Order {
  return { ...ebookOrder(label), total, items: [{ sku: 'BOOK-SOURDOUGH', name: 'Sourdough at Home', category: 'book', price: total, quantity: 1 }] };
}

describeE2e('the Stats view of a published flow', () => {
  const stack = useEditorStack({ worker: true, env: { NUDGEFLOW_LINK_SECRET: LINK_SECRET } });

  async function post(event: FlowEvent): Promise<string> {
    const posted = await stack.api.postEvents(event);
    expect([posted.status, posted.body.accepted]).toEqual([202, 1]);
    return posted.body.results[0]?.contactId ?? '';
  }

  /** Posts the order and waits until its run is there, waiting for the payment or done. */
  async function order(flowId: string, who: Shopper, placed: Order, until: 'waiting' | 'done'): Promise<string> {
    const contactId = await post(shopEvent('order.created', who, placed));
    await pollUntil(`the run of ${who.id} to be ${until}`, () => stack.api.runs({ flowId, contactId }), (runs) => runs.length === 1 && runs[0]?.status === until);
    return contactId;
  }

  /** Opens the email (its pixel) and follows its link, as a person at a browser does. */
  async function openAndClick(email: Message): Promise<void> {
    const links = trackingLinks({ publicUrl: stack.api.baseUrl, linkSecret: LINK_SECRET }, email.idempotencyKey);
    await sleep(Math.max(0, Date.parse(email.sentAt ?? '') + HUMAN_CLICK_AFTER_MS - Date.now()));
    const follow = (url: string) => fetch(url, { redirect: 'manual', headers: BROWSER, signal: AbortSignal.timeout(15_000) });
    expect((await follow(links.open)).status).toBe(200);
    expect((await follow(links.click('https://shop.example.com/ebooks'))).status).toBe(302);
  }

  /** Five orders: two e-books paid (one email opened and clicked), one unpaid, one cancelled, one printed book; then a second order. */
  async function trafficThrough(flowId: string): Promise<void> {
    const [paid, ignored, unpaid, cancelled, printed] = ['paid', 'ignored', 'unpaid', 'cancelled', 'printed'].map((label) => shopper(label)) as [Shopper, Shopper, Shopper, Shopper, Shopper];
    for (const who of [paid, ignored]) {
      const placed = ebookOrder(who.id);
      const contactId = await order(flowId, who, placed, 'waiting');
      await post(shopEvent('order.paid', who, { ...placed, paymentStatus: 'paid' }));
      await pollUntil(`the e-book email to ${who.id}`, () => stack.api.messages({ flowId, contactId }), (m) => m[0]?.status === 'sent');
    }
    await order(flowId, unpaid, ebookOrder(unpaid.id), 'waiting');
    const cancelledOrder = ebookOrder(cancelled.id);
    const cancelledId = await order(flowId, cancelled, cancelledOrder, 'waiting');
    await post(shopEvent('order.cancelled', cancelled, { ...cancelledOrder, status: 'cancelled' }));
    await pollUntil(`the run of ${cancelled.id} to end at its goal`, () => stack.api.runs({ flowId, contactId: cancelledId }), (runs) => runs[0]?.endReason === 'goal');
    const printedId = await order(flowId, printed, bookOrder(printed.id), 'done');
    const messages = await pollUntil('the SMS and both emails to be sent', () => stack.api.messages({ flowId }), (m) => m.length === 3 && m.every((x) => x.status === 'sent'));
    expect(messages.filter((m) => m.contactId === printedId).map((m) => m.channel)).toEqual(['sms']);

    // The first buyer reads the email, follows its link and orders again: an order after a message.
    const paidEmail = messages.find((m) => m.channel === 'email' && m.to === paid.email);
    if (!paidEmail) throw new Error(`no email to ${paid.email} among ${JSON.stringify(messages)}`);
    await openAndClick(paidEmail);
    await post(shopEvent('order.created', paid, { ...bookOrder(`${paid.id}-again`, 1250), createdAt: new Date().toISOString() }));
  }

  /** The summary as [term, value, detail] rows. */
  const summaryOf = (panel: Locator) =>
    panel.locator('.nf-stats-summary__item').evaluateAll((items) =>
      items.map((item) => [item.querySelector('dt')?.textContent, item.querySelector('.nf-stats-summary__value')?.textContent, item.querySelector('.nf-stats-summary__detail')?.textContent ?? '']),
    );
  const tableOf = (panel: Locator) => panel.getByRole('table', { name: 'Messages by node' }).locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));

  const SUMMARY = [
    ['Started', '5', ''],
    ['In flow now', '1', ''],
    ['Completed', '3', ''],
    ['Reached the goal', '1', ''],
    ['Messages sent', '3', ''],
    ['Open rate', '50 %', ''],
    ['Click rate', '50 %', ''],
    ['Orders after a message', '1', '1,250 CZK within 5 days of a message'],
  ];

  it('shows the period’s numbers in the panel and on the canvas, changes period, selects a node from the table, and takes turns with the test panel', async () => {
    const flowId = await stack.api.publishFlow(followUpFlow());
    await trafficThrough(flowId);

    const page = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('link', { name: FLOW_NAME, exact: true }).click();
    const editor = new EditorPage(page);
    await editor.ready();
    const statsButton = editor.button('Stats');
    expect(await statsButton.getAttribute('aria-pressed')).toBe('false');
    await statsButton.click();
    expect(await statsButton.getAttribute('aria-pressed')).toBe('true');
    const panel = page.getByRole('region', { name: 'Flow stats' });
    await eventually(() => summaryOf(panel)).toEqual(SUMMARY);
    expect(await panel.getByLabel('Period', { exact: true }).locator('option:checked').textContent()).toBe('Last 30 days');
    expect(await tableOf(panel)).toEqual([
      ['E-book email', 'Email', '2', '—', '50 %', '50 %', '0 / 0'],
      ['Thank-you SMS', 'SMS', '1', '0', '—', '—', '0 / 0'],
    ]);

    // Each node with runs carries its numbers; the condition's branches and the wait's "paid" carry theirs.
    const badge = (id: string) => editor.node(id).locator('.nf-stats-badge').textContent();
    expect(await badge('trigger')).toBe('5 reached');
    expect(await badge('is_ebook')).toBe('5 reached');
    expect(await badge('wait_paid')).toBe('4 reached · 1 waiting');
    expect(await badge('email_licence')).toBe('2 reached · 50 % opened · 50 % clicked');
    expect(await badge('sms_thanks')).toBe('1 reached · 1 sent');
    const edgeCount = (id: string) => editor.canvas.locator(`[data-count-of-edge="${id}"]`);
    const edgeCounts = async () => Object.fromEntries(await Promise.all(['is_ebook-yes-wait_paid', 'is_ebook-no-sms_thanks', 'wait_paid-event-email_licence', 'trigger-is_ebook'].map(async (id) => [id, (await edgeCount(id).count()) ? await edgeCount(id).textContent() : null])));
    expect(await edgeCounts()).toEqual({ 'is_ebook-yes-wait_paid': '4', 'is_ebook-no-sms_thanks': '1', 'wait_paid-event-email_licence': '2', 'trigger-is_ebook': null });
    await editor.button('Fit view').click();
    await stack.screenshot(page, 'flow-stats');
    expect(await unnamedControls(page)).toEqual([]);

    // Everything happened just now: the last 7 days hold the same, asked for anew; so does Refresh.
    const week = page.waitForResponse((response) => response.url().endsWith(`/api/flows/${flowId}/stats?days=7`));
    await panel.getByLabel('Period', { exact: true }).selectOption({ label: 'Last 7 days' });
    expect((await week).status()).toBe(200);
    await eventually(() => summaryOf(panel)).toEqual(SUMMARY);
    const refreshed = page.waitForResponse((response) => response.url().endsWith(`/api/flows/${flowId}/stats?days=7`));
    await panel.getByRole('button', { name: 'Refresh', exact: true }).click();
    expect((await refreshed).status()).toBe(200);
    await eventually(() => panel.getByRole('button', { name: 'Refresh', exact: true }).isEnabled()).toBe(true);
    expect(await summaryOf(panel)).toEqual(SUMMARY);

    // A row brings its node into view, selected.
    const selected = (id: string) => editor.node(id).locator('.nf-node').getAttribute('class');
    await panel.getByRole('row').filter({ hasText: 'Thank-you SMS' }).locator('td').first().click();
    await eventually(() => selected('sms_thanks')).toContain('nf-node--selected');
    await panel.getByRole('button', { name: 'E-book email', exact: true }).press('Enter');
    await eventually(() => selected('email_licence')).toContain('nf-node--selected');
    expect(await selected('sms_thanks')).not.toContain('nf-node--selected');

    // One side panel at a time: the test panel closes the stats and takes their marks off the canvas, and back.
    await editor.button('Test').click();
    await page.getByRole('region', { name: 'Test flow' }).waitFor();
    await panel.waitFor({ state: 'hidden' });
    expect(await statsButton.getAttribute('aria-pressed')).toBe('false');
    expect(await editor.canvas.locator('.nf-stats-badge, .nf-stats-edge-count').count()).toBe(0);
    await statsButton.click();
    await page.getByRole('region', { name: 'Test flow' }).waitFor({ state: 'hidden' });
    expect(await editor.button('Test').getAttribute('aria-pressed')).toBe('false');
    await eventually(() => badge('wait_paid')).toBe('4 reached · 1 waiting');
    expect(await editor.canvas.locator('.nf-test-mark').count()).toBe(0);

    // Closed, the canvas is as before.
    await panel.getByRole('button', { name: 'Close the stats panel', exact: true }).click();
    await panel.waitFor({ state: 'hidden' });
    expect(await editor.canvas.locator('.nf-stats-badge, .nf-stats-edge-count').count()).toBe(0);
  }, 180_000);

  it('a flow never published has no stats to show, the button says why; one published without traffic says there is none yet', async () => {
    const created = await stack.api.request<{ id: string }>('POST', '/api/flows', { body: { graph: { ...followUpFlow(), name: DRAFT_NAME } } });
    expect(created.status).toBe(201);
    await stack.api.publishFlow({ ...followUpFlow(), name: QUIET_NAME });
    const page = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('link', { name: DRAFT_NAME, exact: true }).click();
    const editor = new EditorPage(page);
    await editor.ready();
    const statsButton = editor.button('Stats');
    expect(await statsButton.isDisabled()).toBe(true);
    expect(await statsButton.getAttribute('aria-description')).toBe('Stats appear once the flow is published: they count what real contacts did in it');

    await editor.button('Back to flows').click();
    await page.getByRole('link', { name: QUIET_NAME, exact: true }).click();
    await editor.ready();
    await statsButton.click();
    const panel = page.getByRole('region', { name: 'Flow stats' });
    await panel.getByText('No runs in this period yet', { exact: true }).waitFor();
    expect(await panel.locator('.nf-stats-summary').count()).toBe(0);
    expect(await editor.canvas.locator('.nf-stats-badge, .nf-stats-edge-count').count()).toBe(0);
  }, 60_000);
});
