import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, sleep } from './poll';
import { durationMs, ebookOrder, expectedReminderSms, paymentReminderFlow, shopEvent, shopper } from './shop-data';
import { useIntegrationStack } from './stack-harness';

/*
 * The e-book payment-reminder template, published over HTTP and fed order events over HTTP; runs,
 * steps and messages read back over HTTP. The payment wait is 6 s instead of 24 h.
 */

const stack = useIntegrationStack();
const PAYMENT_TIMEOUT = 'PT6S';
const LICENCE = 'EBK-7Q4M-22XD';
let flowId: string;

beforeAll(async () => {
  flowId = await stack.api.publishFlow(paymentReminderFlow({ paymentTimeout: PAYMENT_TIMEOUT, name: 'Payment reminder (integration)' }));
  await stack.api.importCodes('ebook_licence', [LICENCE]);
}, 30_000);

/** POSTs order.created and resolves to the run it started, once that run waits for the payment. */
async function orderWaitingForPayment(label: string) {
  const who = shopper(label);
  const order = ebookOrder(label);
  const posted = await stack.api.postEvents(shopEvent('order.created', who, order));
  expect([posted.status, posted.body.accepted]).toEqual([202, 1]);
  const [run] = await eventually(
    `the run of order ${order.id} to wait at wait_paid`,
    () => stack.api.runs({ flowId, contactId: posted.body.results[0]?.contactId }),
    (runs) => runs.length === 1 && runs[0]?.status === 'waiting' && runs[0].nodeId === 'wait_paid',
  );
  if (!run) throw new Error('unreachable: eventually checked the run');
  return { who, order, run, contactId: run.contactId };
}

describe('the payment-reminder example on the real stack', () => {
  it('paid shortly after the order: no SMS, the licence email, and the run ends through the wait’s "event" output', async () => {
    const { who, order, run } = await orderWaitingForPayment('paid');
    await sleep(500); // 2 h into the 24 h wait, at this scale (24 h = 6 s)
    const paid = await stack.api.postEvents(shopEvent('order.paid', who, { ...order, paymentStatus: 'paid' }));
    expect([paid.status, paid.body.accepted]).toEqual([202, 1]);

    const done = await eventually(`run ${run.id} to end`, () => stack.api.run(run.id), (r) => r.status === 'done');
    expect(done).toMatchObject({ status: 'done', endReason: 'completed', nodeId: 'email_licence', orderId: order.id });
    expect(done.steps.map((s) => [s.nodeId, s.outcome])).toEqual([
      ['trigger', 'started'],
      ['is_ebook', 'yes'],
      ['wait_paid', 'waiting'],
      ['wait_paid', 'event'],
      ['assign_licence', 'done'],
      ['email_licence', 'sent'],
    ]);
    const [, , waiting, paidStep] = done.steps;
    expect(paidStep?.detail).toBe('order.paid');
    expect(Date.parse(paidStep?.at ?? '')).toBeLessThan(Date.parse(waiting?.at ?? '') + durationMs(PAYMENT_TIMEOUT));
    const messages = await stack.api.messages({ runId: run.id });
    expect(messages.map((m) => [m.channel, m.nodeId, m.status])).toEqual([['email', 'email_licence', 'sent']]);
    expect(messages[0]?.subject).toBe(`Your e-book from order ${order.number}`);
    expect(messages[0]?.body).toContain(LICENCE);
    expect(await stack.api.messages({ flowId, contactId: done.contactId, channel: 'sms' })).toEqual([]);
  }, 60_000);

  it('never paid: exactly one SMS, at the timeout, with the contact’s name and the order number', async () => {
    const { who, order, run, contactId } = await orderWaitingForPayment('unpaid');
    const reminded = await eventually(
      `run ${run.id} to send the reminder and wait again`,
      () => stack.api.run(run.id),
      (r) => r.status === 'waiting' && r.nodeId === 'wait_paid_again',
      { timeoutMs: durationMs(PAYMENT_TIMEOUT) + 20_000 },
    );
    expect(reminded.steps.map((s) => [s.nodeId, s.outcome])).toEqual([
      ['trigger', 'started'],
      ['is_ebook', 'yes'],
      ['wait_paid', 'waiting'],
      ['wait_paid', 'timeout'],
      ['sms_reminder', 'sent'],
      ['wait_paid_again', 'waiting'],
    ]);
    const waitStarted = Date.parse(reminded.steps[2]?.at ?? '');
    const timedOut = Date.parse(reminded.steps[3]?.at ?? '');
    expect(timedOut - waitStarted).toBeGreaterThanOrEqual(durationMs(PAYMENT_TIMEOUT));

    const sms = await stack.api.messages({ flowId, contactId, channel: 'sms' });
    expect(sms).toEqual([
      expect.objectContaining({
        runId: run.id,
        nodeId: 'sms_reminder',
        channel: 'sms',
        marketing: true,
        to: who.phone,
        body: expectedReminderSms(who, order),
        status: 'sent',
        idempotencyKey: expect.stringContaining(':sms_reminder:1'),
      }),
    ]);
    expect(Date.parse(sms[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(waitStarted + durationMs(PAYMENT_TIMEOUT));
    expect(await stack.api.messages({ runId: run.id })).toHaveLength(1);
  }, 60_000);
});
