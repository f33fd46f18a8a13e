import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRun, getRun, ingestEvent } from '../db';
import { useTestDatabase } from '../db/test-database';
import { TestActivities, outline } from '../temporal/test-activities';
import { graphOf, uniqueKey } from '../temporal/test-flows';
import { useTestTemporal, waitFor } from '../temporal/test-temporal';
import { workflowIdFor } from '../temporal/client';
import { startDispatcher, type Dispatcher } from './dispatcher';
import { runIdFor } from './run-ids';
import { activitiesRecordingRuns, executionsOf, runsOf, shopEvent, storeFlow } from './test-routing';

const db = useTestDatabase();
const temporal = useTestTemporal();
const recorder = new TestActivities();
const taskQueue = uniqueKey('dispatch-queue');
const logs: string[] = [];
const dispatchers: Dispatcher[] = [];

/** A dispatcher driven by the test: once its drain at start is over, its polling is too slow to get in the way. */
async function dispatcher(sql = db.sql): Promise<Dispatcher> {
  const started = startDispatcher({ sql, client: temporal.client, taskQueue, pollMs: 3_600_000, log: (line) => logs.push(line) });
  dispatchers.push(started);
  await started.drainOnce();
  return started;
}

/** order.created -> tag: ends at once. */
const tagOnOrder = (settings: Record<string, unknown> = {}, trigger: Record<string, unknown> = { event: 'order.created' }) =>
  graphOf('Tag on order', [['trigger', 'trigger.event', trigger], ['tag', 'action.tag', { add: ['ordered'] }]], ['trigger->tag'], settings);

/** order.created -> wait up to an hour for order.paid -> tag paid / unpaid. */
const waitForPayment = (settings: Record<string, unknown> = {}) =>
  graphOf(
    'Wait for payment',
    [
      ['trigger', 'trigger.event', { event: 'order.created' }],
      ['wait_paid', 'wait.untilEvent', { event: 'order.paid', sameOrder: true, timeout: 'PT1H' }],
      ['paid', 'action.tag', { add: ['paid'] }],
      ['unpaid', 'action.tag', { add: ['unpaid'] }],
    ],
    ['trigger->wait_paid', 'wait_paid:event->paid', 'wait_paid:timeout->unpaid'],
    settings,
  );

const runStatus = (runId: string) => getRun(db.sql, runId).then((run) => run?.status);
const waitUntilDone = (runId: string) => waitFor(() => runStatus(runId), (s) => s === 'done', `run ${runId} to end`);
const waitUntilWaiting = (runId: string) => waitFor(() => runStatus(runId), (s) => s === 'waiting', `run ${runId} to wait`);
/** Stores a shop event as the API's ingest does: the dispatcher finds it in the outbox. */
const ingest = (id: string, type: string, contactId: string, orderId?: string) => ingestEvent(db.sql, shopEvent(id, type, contactId, orderId));
/** The id of the run an event starts in a flow. */
const runFor = (flowId: string, contactId: string, eventId: string) => runIdFor(flowId, contactId, { kind: 'event', eventId });

describe('the outbox dispatcher', () => {
  beforeAll(async () => {
    await temporal.startWorker(activitiesRecordingRuns(db.sql, recorder), { taskQueue });
  });
  beforeEach(async () => {
    await db.reset();
    logs.length = 0;
  });
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
  });

  it('starts exactly one run for a matching published flow, none for paused, draft or non-matching ones', async () => {
    await storeFlow(db.sql, 'f-active', tagOnOrder());
    await storeFlow(db.sql, 'f-paused', tagOnOrder(), 'paused');
    await storeFlow(db.sql, 'f-draft', tagOnOrder(), 'draft');
    await storeFlow(db.sql, 'f-cart', tagOnOrder({}, { event: 'cart.updated' }));
    await storeFlow(db.sql, 'f-big', tagOnOrder({}, { event: 'order.created', filter: { match: 'all', rules: [{ field: 'order.total', op: 'gt', value: 1000 }] } }));
    const contactId = uniqueKey('ann');
    const d = await dispatcher();
    await ingest('e-1', 'order.created', contactId, 'o-1');

    expect(await d.drainOnce()).toBe(1);
    const runId = runFor('f-active', contactId, 'e-1');
    await waitUntilDone(runId);
    expect(await runsOf(db.sql, 'f-active')).toEqual([
      expect.objectContaining({ id: runId, flowVersion: 1, contactId, orderId: 'o-1', workflowId: workflowIdFor('f-active', contactId), triggerEventId: 'e-1', status: 'done', endReason: 'completed' }),
    ]);
    for (const other of ['f-paused', 'f-draft', 'f-cart', 'f-big']) expect(await runsOf(db.sql, other)).toEqual([]);
    expect(executionsOf(recorder, runId)).toBe(1);
    expect(outline(recorder.stepsOf(runId))).toEqual(['trigger started', 'tag done']);
    // The workflow got the contact as stored and the stored order.
    const [effect] = recorder.effectCalls.filter((c) => c.context.runId === runId);
    expect(effect?.context).toMatchObject({ contact: { id: contactId }, order: { id: 'o-1', number: 'O-1' }, trigger: { id: 'e-1' } });
    const [outbox] = await db.sql<{ dispatched: boolean }[]>`select dispatched_at is not null as dispatched from outbox`;
    expect(outbox).toEqual({ dispatched: true });
  });

  it('starts one run for an event posted twice, and for 50 concurrent duplicates', async () => {
    await storeFlow(db.sql, 'f-dup', tagOnOrder({ reentry: 'always' }));
    const [ann, bob] = [uniqueKey('ann'), uniqueKey('bob')];
    const d = await dispatcher();
    await ingest('dup-1', 'order.created', ann, 'o-1');
    await ingest('dup-1', 'order.created', ann, 'o-1');
    const pool = db.connect(20);
    const answers = await Promise.all(Array.from({ length: 50 }, () => ingestEvent(pool, shopEvent('dup-2', 'order.created', bob, 'o-2'))));
    expect(answers.filter((a) => a.status === 'stored')).toHaveLength(1);

    expect(await d.drainOnce()).toBe(2);
    const runs = await runsOf(db.sql, 'f-dup');
    expect(runs.map((r) => [r.contactId, r.triggerEventId])).toEqual(expect.arrayContaining([[ann, 'dup-1'], [bob, 'dup-2']]));
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      await waitUntilDone(run.id);
      expect(executionsOf(recorder, run.id)).toBe(1);
    }
  });

  it('runs a per-order flow once per order, and skips an event without one', async () => {
    await storeFlow(db.sql, 'f-order', waitForPayment({ runPer: 'order', reentry: 'always' }));
    const ann = uniqueKey('ann');
    const d = await dispatcher();
    await ingest('o1-created', 'order.created', ann, 'o-1');
    await ingest('o2-created', 'order.created', ann, 'o-2');
    await ingest('no-order', 'order.created', ann);
    expect(await d.drainOnce()).toBe(3);

    const runs = await runsOf(db.sql, 'f-order');
    expect(runs.map((r) => [r.orderId, r.workflowId])).toEqual([
      ['o-1', workflowIdFor('f-order', 'o-1')],
      ['o-2', workflowIdFor('f-order', 'o-2')],
    ]);
    expect(logs).toContain('flow f-order runs per order, but event no-order (order.created) has no order: no run started');
    for (const run of runs) await waitUntilWaiting(run.id);

    // Paying one order ends that order's run only.
    await ingest('o2-paid', 'order.paid', ann, 'o-2');
    expect(await d.drainOnce()).toBe(1);
    await waitUntilDone(runs[1]?.id as string);
    expect(outline(recorder.stepsOf(runs[1]?.id as string))).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid event', 'paid done']);
    expect(await runStatus(runs[0]?.id as string)).toBe('waiting');
  });

  it('hands an event to a waiting run, which takes its event path', async () => {
    await storeFlow(db.sql, 'f-wait', waitForPayment());
    const ann = uniqueKey('ann');
    await ingest('w-created', 'order.created', ann, 'o-1');
    const d = await dispatcher();
    await d.drainOnce();
    const runId = runFor('f-wait', ann, 'w-created');
    await waitUntilWaiting(runId);

    await ingest('w-paid', 'order.paid', ann, 'o-1');
    await d.drainOnce();
    await waitUntilDone(runId);
    expect(outline(recorder.stepsOf(runId))).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid event', 'paid done']);
    expect(await runsOf(db.sql, 'f-wait')).toHaveLength(1);
  });

  describe('re-entry', () => {
    /** The events that started the flow's runs, oldest run first. */
    const triggersOf = async (flowId: string) => (await runsOf(db.sql, flowId)).map((r) => r.triggerEventId);

    it('once: never a second run for the contact', async () => {
      await storeFlow(db.sql, 'f-once', tagOnOrder({ reentry: 'once' }));
      const ann = uniqueKey('ann');
      const d = await dispatcher();
      await ingest('once-1', 'order.created', ann, 'o-1');
      await d.drainOnce();
      await waitUntilDone(runFor('f-once', ann, 'once-1'));
      await ingest('once-2', 'order.created', ann, 'o-2');
      expect(await d.drainOnce()).toBe(1);
      expect(await triggersOf('f-once')).toEqual(['once-1']);
    });

    it('always: a new run once the last one ended, none while it runs (that one gets the event)', async () => {
      await storeFlow(db.sql, 'f-always', waitForPayment({ reentry: 'always', runPer: 'contact' }));
      const ann = uniqueKey('ann');
      const d = await dispatcher();
      await ingest('a-1', 'order.created', ann, 'o-1');
      await d.drainOnce();
      const first = runFor('f-always', ann, 'a-1');
      await waitUntilWaiting(first);

      await ingest('a-2', 'order.created', ann, 'o-2');
      await d.drainOnce();
      expect(await triggersOf('f-always')).toEqual(['a-1']);
      // The first run's order is paid: it ends, and the contact may enter again.
      await ingest('a-paid', 'order.paid', ann, 'o-1');
      await d.drainOnce();
      await waitUntilDone(first);
      // While it ran it received the second order.created (it is in its history as a signal).
      const history = await temporal.client.workflow.getHandle(workflowIdFor('f-always', ann)).fetchHistory();
      const signalled = (history.events ?? []).flatMap((e) => (e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes.signalName] : []));
      expect(signalled).toEqual(['event', 'event', 'event']);

      await ingest('a-3', 'order.created', ann, 'o-3');
      await d.drainOnce();
      expect(await triggersOf('f-always')).toEqual(['a-1', 'a-3']);
      await waitUntilWaiting(runFor('f-always', ann, 'a-3'));
    });

    it('enters again only once the previous run’s workflow has closed; the event is retried meanwhile', async () => {
      await storeFlow(db.sql, 'f-closing', waitForPayment({ reentry: 'always' }));
      const ann = uniqueKey('ann');
      const d = await dispatcher();
      await ingest('c-1', 'order.created', ann, 'o-1');
      await d.drainOnce();
      const first = runFor('f-closing', ann, 'c-1');
      await waitUntilWaiting(first);
      // The row says the run ended, but its workflow is still open (as for a moment before it closes).
      await db.sql`update runs set status = 'done', ended_at = now(), end_reason = 'completed' where id = ${first}`;

      await ingest('c-2', 'order.created', ann, 'o-2');
      expect(await d.drainOnce()).toBe(0);
      const [row] = await db.sql<{ attempts: number; last_error: string }[]>`select attempts, last_error from outbox where event_id = 'c-2'`;
      expect(row).toEqual({ attempts: 1, last_error: `the previous run of workflow ${workflowIdFor('f-closing', ann)} has ended but its workflow is still open` });

      await temporal.client.workflow.getHandle(workflowIdFor('f-closing', ann)).terminate('test: the run closes');
      await db.sql`update outbox set next_attempt_at = now() where event_id = 'c-2'`;
      expect(await d.drainOnce()).toBe(1);
      expect(await triggersOf('f-closing')).toEqual(['c-1', 'c-2']);
      await waitUntilWaiting(runFor('f-closing', ann, 'c-2'));
    });

    it('afterSeconds: a new run only once that long has passed since the last one started', async () => {
      await storeFlow(db.sql, 'f-after', tagOnOrder({ reentry: { afterSeconds: 600 } }));
      const ann = uniqueKey('ann');
      const d = await dispatcher();
      await ingest('after-1', 'order.created', ann, 'o-1');
      await d.drainOnce();
      const first = runFor('f-after', ann, 'after-1');
      await waitUntilDone(first);
      await ingest('after-2', 'order.created', ann, 'o-2');
      await d.drainOnce();
      expect(await triggersOf('f-after')).toEqual(['after-1']);

      // Eleven minutes later, as far as the runs table can tell.
      await db.sql`update runs set started_at = started_at - interval '11 minutes' where id = ${first}`;
      await ingest('after-3', 'order.created', ann, 'o-3');
      await d.drainOnce();
      expect(await triggersOf('f-after')).toEqual(['after-1', 'after-3']);
    });
  });

  it('two dispatchers draining together start each run once', async () => {
    await storeFlow(db.sql, 'f-contact', tagOnOrder({ reentry: 'once' }));
    await storeFlow(db.sql, 'f-each-order', tagOnOrder({ reentry: 'always', runPer: 'order' }));
    const [one, two] = await Promise.all([dispatcher(db.connect(5)), dispatcher(db.connect(5))]);
    const contacts = Array.from({ length: 12 }, (_, i) => uniqueKey(`c${i}`));
    for (const contactId of contacts)
      for (const n of [1, 2]) await ingest(`${contactId}-e${n}`, 'order.created', contactId, `${contactId}-o${n}`);

    const [a, b] = await Promise.all([one.drainOnce(), two.drainOnce()]);
    expect(a + b).toBe(24);

    const perContact = await runsOf(db.sql, 'f-contact');
    const perOrder = await runsOf(db.sql, 'f-each-order');
    // "once": the contact's second order finds the first run.
    expect(perContact.map((r) => r.triggerEventId).sort()).toEqual(contacts.map((c) => `${c}-e1`).sort());
    expect(perOrder.map((r) => r.orderId).sort()).toEqual(contacts.flatMap((c) => [`${c}-o1`, `${c}-o2`]).sort());
    for (const run of [...perContact, ...perOrder]) {
      await waitUntilDone(run.id);
      expect(executionsOf(recorder, run.id)).toBe(1);
    }
  }, 60_000);

  it('a repeated dispatch finishes what an earlier attempt left undone, and nothing more', async () => {
    await storeFlow(db.sql, 'f-retry', tagOnOrder({ reentry: 'always' }));
    const [ann, bob] = [uniqueKey('ann'), uniqueKey('bob')];
    const d = await dispatcher();
    await ingest('r-ann', 'order.created', ann, 'o-1');
    await d.drainOnce();
    const annRun = runFor('f-retry', ann, 'r-ann');
    await waitUntilDone(annRun);

    // An attempt that died after creating Bob's run row, before starting his workflow.
    await ingest('r-bob', 'order.created', bob, 'o-2');
    const bobRun = runFor('f-retry', bob, 'r-bob');
    await createRun(db.sql, { id: bobRun, flowId: 'f-retry', flowVersion: 1, contactId: bob, workflowId: workflowIdFor('f-retry', bob), startedAt: new Date().toISOString(), triggerEventId: 'r-bob' });
    // And Ann's event comes round again (its lease ran out before it was marked dispatched).
    await db.sql`update outbox set dispatched_at = null, next_attempt_at = now() where event_id = 'r-ann'`;
    expect(await d.drainOnce()).toBe(2);

    await waitUntilDone(bobRun);
    expect(executionsOf(recorder, bobRun)).toBe(1);
    expect(executionsOf(recorder, annRun)).toBe(1);
    expect((await runsOf(db.sql, 'f-retry')).map((r) => r.id).sort()).toEqual([annRun, bobRun].sort());
    // A run that ended is not started again even when the runs table still says it runs.
    await db.sql`update runs set status = 'running', ended_at = null, end_reason = null where id = ${annRun}`;
    await db.sql`update outbox set dispatched_at = null, next_attempt_at = now() where event_id = 'r-ann'`;
    await d.drainOnce();
    expect(executionsOf(recorder, annRun)).toBe(1);
    const description = await temporal.client.workflow.getHandle(workflowIdFor('f-retry', ann)).describe();
    expect(description.status.name).toBe('COMPLETED');
  });

  it('wake() drains without waiting for the next poll', async () => {
    await storeFlow(db.sql, 'f-wake', tagOnOrder());
    const ann = uniqueKey('ann');
    const d = await dispatcher();
    await ingest('wake-1', 'order.created', ann, 'o-1');
    d.wake();
    await waitUntilDone(runFor('f-wake', ann, 'wake-1'));
  });
});
