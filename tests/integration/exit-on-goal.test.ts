import { describe, expect, it } from 'vitest';
import { eventually } from './poll';
import { ebookOrder, paymentReminderFlow, shopEvent, shopper } from './shop-data';
import { useIntegrationStack } from './stack-harness';

/*
 * The payment-reminder template ends a run on `order.cancelled` (settings.exitOn). A run waiting
 * (here for an hour) must end at once when the shop cancels the order, with reason "goal".
 */

const stack = useIntegrationStack();
/** "At once": the dispatcher signals within a second; a loaded machine gets some slack. */
const ENDS_WITHIN_MS = 5000;

describe('exitOn while a run waits', () => {
  it('order.cancelled ends the waiting run within seconds, with reason goal and nothing sent', async () => {
    const flowId = await stack.api.publishFlow(paymentReminderFlow({ paymentTimeout: 'PT1H', name: 'Payment reminder (exit on cancel)' }));
    const who = shopper('cancel');
    const order = ebookOrder('cancel');
    const created = await stack.api.postEvents(shopEvent('order.created', who, order));
    expect([created.status, created.body.accepted]).toEqual([202, 1]);
    const contactId = created.body.results[0]?.contactId ?? '';
    const [waiting] = await eventually(
      'the run to wait for the payment',
      () => stack.api.runs({ flowId, contactId }),
      (runs) => runs.length === 1 && runs[0]?.status === 'waiting' && runs[0].nodeId === 'wait_paid',
    );

    const cancelled = await stack.api.postEvents(shopEvent('order.cancelled', who, { ...order, status: 'cancelled' }));
    expect([cancelled.status, cancelled.body.accepted]).toEqual([202, 1]);
    const ended = await eventually(`run ${waiting?.id} to end`, () => stack.api.run(waiting?.id ?? ''), (r) => r.status === 'done', { timeoutMs: ENDS_WITHIN_MS, intervalMs: 100 });

    expect(ended).toMatchObject({ status: 'done', endReason: 'goal', nodeId: 'wait_paid' });
    expect(ended.steps.map((s) => [s.nodeId, s.outcome])).toEqual([
      ['trigger', 'started'],
      ['is_ebook', 'yes'],
      ['wait_paid', 'waiting'],
      ['wait_paid', 'goal'],
    ]);
    expect([ended.steps[3]?.detail, ended.endDetail]).toEqual(['order.cancelled', 'order.cancelled']);
    expect(ended.messages).toEqual([]);
  }, 60_000);
});
