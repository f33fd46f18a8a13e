import { describe, expect, it } from 'vitest';
import type { Run } from './api-client';
import { eventually, sleep } from './poll';
import { durationMs, ebookOrder, expectedReminderSms, paymentReminderFlow, shopEvent, shopper, type Shopper } from './shop-data';
import { useIntegrationStack } from './stack-harness';

/*
 * Contacts wait for their payment while the worker process is killed with SIGKILL; their
 * timeouts pass with no worker at all; a new worker process starts: every reminder goes out, once.
 */

const stack = useIntegrationStack();
const ORDERS = 5;
/** Long enough to kill the worker before any wait ends, even on a slow machine. */
const PAYMENT_TIMEOUT = 'PT12S';

describe('a worker killed while contacts wait', () => {
  it('sends every reminder exactly once after a new worker process starts', async () => {
    const flowId = await stack.api.publishFlow(paymentReminderFlow({ paymentTimeout: PAYMENT_TIMEOUT, name: 'Payment reminder (worker crash)' }));
    const shoppers = new Map<string, { who: Shopper; order: ReturnType<typeof ebookOrder> }>();
    await Promise.all(
      Array.from({ length: ORDERS }, async (_, i) => {
        const who = shopper(`crash${i}`);
        const order = ebookOrder(`crash${i}`);
        const posted = await stack.api.postEvents(shopEvent('order.created', who, order));
        expect([posted.status, posted.body.accepted]).toEqual([202, 1]);
        shoppers.set(order.id, { who, order });
      }),
    );
    const waiting = await eventually(
      `all ${ORDERS} runs to wait for their payment`,
      () => stack.api.runs({ flowId, status: 'waiting', nodeId: 'wait_paid' }),
      (runs) => runs.length === ORDERS,
    );
    const deadlines = await Promise.all(waiting.map(async (run) => Date.parse((await stack.api.run(run.id)).steps.find((s) => s.outcome === 'waiting')?.at ?? '') + durationMs(PAYMENT_TIMEOUT)));

    expect(await stack.killWorker('SIGKILL')).toBe('SIGKILL');
    const killedAt = Date.now();
    expect(killedAt, 'the worker must die before the first wait ends, or this test proves nothing').toBeLessThan(Math.min(...deadlines));

    // Every timeout passes while no worker runs: nothing may be sent, nothing may move.
    await sleep(Math.max(...deadlines) + 1000 - Date.now());
    expect(await stack.api.messages({ flowId })).toEqual([]);
    expect((await stack.api.runs({ flowId, status: 'waiting', nodeId: 'wait_paid' })).map((r) => r.id).sort()).toEqual(waiting.map((r) => r.id).sort());

    await stack.startWorker();
    const reminded = await eventually(
      `all ${ORDERS} runs to send their reminder and wait again`,
      () => stack.api.runs({ flowId }),
      (runs: Run[]) => runs.length === ORDERS && runs.every((r) => r.status === 'waiting' && r.nodeId === 'wait_paid_again'),
      { timeoutMs: 60_000 },
    );

    const sms = await stack.api.messages({ flowId });
    expect(sms).toHaveLength(ORDERS);
    expect(new Set(sms.map((m) => m.idempotencyKey)).size).toBe(ORDERS);
    expect(sms.map((m) => m.runId).sort()).toEqual(reminded.map((r) => r.id).sort());
    for (const message of sms) {
      const run = reminded.find((r) => r.id === message.runId);
      const { who, order } = shoppers.get(run?.orderId ?? '') ?? {};
      if (!who || !order) throw new Error(`message ${message.id} belongs to no run of this test`);
      expect(message).toMatchObject({ channel: 'sms', nodeId: 'sms_reminder', status: 'sent', to: who.phone, body: expectedReminderSms(who, order) });
      expect(Date.parse(message.createdAt)).toBeGreaterThan(killedAt);
    }
  }, 180_000);
});
