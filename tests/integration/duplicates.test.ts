import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestResult } from './api-client';
import { eventually, sleep } from './poll';
import { ebookOrder, orderConfirmationFlow, shopEvent, shopper } from './shop-data';
import { useIntegrationStack } from './stack-harness';

/*
 * The event id is the idempotency key all the way through: posted twice, or 50 times at once, an
 * event is stored once, starts one run and sends one message, even in a flow whose re-entry rule
 * ("always") lets every new order start another run.
 */

const stack = useIntegrationStack();
let flowId: string;

beforeAll(async () => {
  flowId = await stack.api.publishFlow(orderConfirmationFlow('Order confirmation (duplicates)'));
}, 30_000);

/** Waits for the contact's run to finish, lets a stray second run a moment to show up, then reads everything back. */
async function outcomeFor(contactId: string) {
  await eventually(`the run of contact ${contactId} to finish`, () => stack.api.runs({ flowId, contactId }), (runs) => runs.length > 0 && runs.every((r) => r.status === 'done'));
  await sleep(1500);
  const [runs, messages, events] = await Promise.all([
    stack.api.runs({ flowId, contactId }),
    stack.api.messages({ flowId, contactId }),
    stack.api.get<{ items: { event: { id: string } }[] }>(`/api/contacts/${encodeURIComponent(contactId)}/events`),
  ]);
  return { runs, messages, eventIds: events.items.map((e) => e.event.id) };
}

function totals(results: IngestResult[]) {
  return { accepted: results.reduce((n, r) => n + r.accepted, 0), duplicates: results.reduce((n, r) => n + r.duplicates, 0) };
}

describe('duplicate events', () => {
  it('the same event posted twice: the second is answered 202 as a duplicate; one run, one message', async () => {
    const who = shopper('twice');
    const order = ebookOrder('twice');
    const event = shopEvent('order.created', who, order);

    const first = await stack.api.postEvents(event);
    const second = await stack.api.postEvents(event);
    expect([first.status, first.body.accepted, first.body.duplicates]).toEqual([202, 1, 0]);
    expect([second.status, second.body.accepted, second.body.duplicates]).toEqual([202, 0, 1]);
    expect(second.body.results).toEqual([{ id: event.id, status: 'duplicate', contactId: first.body.results[0]?.contactId }]);

    const { runs, messages, eventIds } = await outcomeFor(first.body.results[0]?.contactId ?? '');
    expect(eventIds).toEqual([event.id]);
    expect(runs.map((r) => [r.status, r.endReason, r.triggerEventId])).toEqual([['done', 'completed', event.id]]);
    expect(messages.map((m) => [m.runId, m.channel, m.status, m.body])).toEqual([[runs[0]?.id, 'sms', 'sent', `Thanks ${who.firstName}, we got order ${order.number}.`]]);
  }, 60_000);

  it('50 concurrent POSTs of one new event id: all 202, one accepted and 49 duplicates; one run, one message', async () => {
    const who = shopper('burst');
    const event = shopEvent('order.created', who, ebookOrder('burst'));

    const answers = await Promise.all(Array.from({ length: 50 }, () => stack.api.postEvents(event)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(202));
    expect(totals(answers.map((a) => a.body))).toEqual({ accepted: 1, duplicates: 49 });
    const contactIds = new Set(answers.map((a) => a.body.results[0]?.contactId));
    expect(contactIds.size).toBe(1);

    const { runs, messages, eventIds } = await outcomeFor([...contactIds][0] ?? '');
    expect(eventIds).toEqual([event.id]);
    expect(runs.map((r) => [r.status, r.endReason, r.triggerEventId])).toEqual([['done', 'completed', event.id]]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ runId: runs[0]?.id, channel: 'sms', status: 'sent', to: who.phone });
  }, 60_000);
});
