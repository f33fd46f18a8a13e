import { describe, expect, it } from 'vitest';
import { eventually, sleep } from './poll';
import { ebookOrder, orderConfirmationFlow, shopEvent, shopper } from './shop-data';
import { useIntegrationStack } from './stack-harness';

/*
 * Ingestion does not need Temporal: with the dev server stopped, events are still accepted at
 * once; once it is back (same SQLite file, same port), the dispatcher starts one run per event.
 */

const stack = useIntegrationStack();
const EVENTS = 5;
/** A correctness bound, not a benchmark: ingestion must not wait for Temporal (its calls time out after 10 s). */
const ACCEPTED_WITHIN_MS = 2000;

describe('Temporal down during ingestion', () => {
  it('accepts events at once, and starts exactly one run per event once Temporal is back', async () => {
    const flowId = await stack.api.publishFlow(orderConfirmationFlow('Order confirmation (Temporal outage)'));
    await stack.stopTemporal();

    const health = await stack.api.health();
    expect([health.status, health.body.postgres.ok, health.body.temporal.ok]).toEqual([503, true, false]);

    const posted: { eventId: string; contactId: string; ms: number }[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const event = shopEvent('order.created', shopper(`outage${i}`), ebookOrder(`outage${i}`));
      const answer = await stack.api.postEvents(event);
      expect([answer.status, answer.body.accepted]).toEqual([202, 1]);
      posted.push({ eventId: event.id, contactId: answer.body.results[0]?.contactId ?? '', ms: answer.ms });
    }
    for (const { eventId, ms } of posted) expect(ms, `POST /api/events of ${eventId} took ${Math.round(ms)} ms`).toBeLessThan(ACCEPTED_WITHIN_MS);

    // The dispatcher keeps trying meanwhile; nothing may run, nothing may be sent.
    await sleep(3000);
    expect(await stack.api.messages({ flowId })).toEqual([]);
    expect((await stack.api.runs({ flowId })).filter((r) => r.status === 'done')).toEqual([]);

    await stack.startTemporal();
    const runs = await eventually(
      `one finished run for each of the ${EVENTS} events`,
      () => stack.api.runs({ flowId }),
      (all) => all.length >= EVENTS && all.every((r) => r.status === 'done'),
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    await sleep(1500); // a duplicate start would show up now
    const [after, messages] = await Promise.all([stack.api.runs({ flowId }), stack.api.messages({ flowId })]);
    expect(after.map((r) => r.id).sort()).toEqual(runs.map((r) => r.id).sort());
    expect(after.map((r) => [r.contactId, r.triggerEventId, r.endReason]).sort()).toEqual(posted.map((p) => [p.contactId, p.eventId, 'completed']).sort());
    expect(messages.map((m) => m.runId).sort()).toEqual(after.map((r) => r.id).sort());
    expect(stack.worker?.ended(), 'the worker process must live through the outage').toBeUndefined();
  }, 180_000);

  it('answers health at once while Temporal is down, and the stack still shuts down cleanly after it', async () => {
    await stack.stopTemporal();
    const health = await stack.api.health();
    expect([health.status, health.body.temporal.ok, health.body.worker.ok]).toEqual([503, false, false]);
    expect(health.ms, 'the health route answers within its 3 s probe timeout').toBeLessThan(ACCEPTED_WITHIN_MS + 2000);
    // The probes' gRPC retries outlive the answer. Stopping the stack now (afterAll) must wait for
    // them before closing the Temporal connection; a retry on a closed connection throws from a
    // timer, which vitest reports as an unhandled error, failing this file.
  }, 60_000);
});
