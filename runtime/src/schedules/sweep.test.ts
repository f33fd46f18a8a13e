import type { FlowEvent } from '@nudgeflow/shared';
import type { SweepResult } from '@nudgeflow/workflows';
import type { ScheduleDescription } from '@temporalio/client';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getRun, ingestEvent } from '../db';
import { useTestDatabase } from '../db/test-database';
import { fireDay, runIdFor, startDispatcher } from '../dispatch';
import { activitiesRecordingRuns, executionsOf, runsOf, shopEvent, storeFlow } from '../dispatch/test-routing';
import { workflowIdFor } from '../temporal/client';
import { TestActivities, outline } from '../temporal/test-activities';
import { graphOf, uniqueKey } from '../temporal/test-flows';
import { useTestTemporal, waitFor } from '../temporal/test-temporal';
import { createScheduleActivities } from './schedule-activities';
import { sweepScheduledTriggers, type SweepContext } from './sweep-scheduled-triggers';
import { ensureTriggerSchedules, TRIGGER_SWEEP_SCHEDULE_ID } from './trigger-schedule';

const db = useTestDatabase();
const temporal = useTestTemporal();
const recorder = new TestActivities();
const taskQueue = uniqueKey('sweep-queue');
const logs: string[] = [];
const DAY_MS = 86_400_000;

const sweepContext = (): SweepContext => ({ sql: db.sql, client: temporal.client, taskQueue, log: (line) => logs.push(line) });

/** A contact as the shop registers it, with whatever fields it sends. */
async function contactWith(fields: FlowEvent['contact'], type = 'customer.registered', occurredAt = new Date().toISOString()): Promise<string> {
  const contactId = uniqueKey('ct');
  await ingestEvent(db.sql, { ...shopEvent(uniqueKey('ev'), type, contactId), occurredAt, contact: { id: contactId, ...fields } });
  return contactId;
}

const tagFlow = (name: string, trigger: [string, Record<string, unknown>], settings: Record<string, unknown>) =>
  graphOf(name, [['trigger', trigger[0], trigger[1]], ['tag', 'action.tag', { add: ['swept'] }]], ['trigger->tag'], settings);

describe('the scheduled trigger sweep', () => {
  beforeAll(async () => {
    const activities = { ...activitiesRecordingRuns(db.sql, recorder), ...createScheduleActivities({ sql: db.sql, client: temporal.client, taskQueue, log: (line) => logs.push(line) }) };
    await temporal.startWorker(activities, { taskQueue });
  });
  beforeEach(() => db.reset());

  it('starts a birthday run once, delayed to its fire time, even when swept twice', async () => {
    await storeFlow(db.sql, 'f-bday', tagFlow('Birthday', ['trigger.date', { field: 'contact.birthday', time: '09:00', timezone: 'UTC', yearly: true }], { reentry: 'always' }));
    const now = Date.now();
    const tomorrow = new Date(now + DAY_MS);
    const fireAt = new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 9, 0));
    const ann = await contactWith({ birthday: `1990-${tomorrow.toISOString().slice(5, 10)}` });
    await contactWith({ firstName: 'No birthday' });
    await contactWith({ birthday: new Date(now + 100 * DAY_MS).toISOString().slice(0, 10) });

    const window = { windowStart: new Date(now).toISOString(), windowEnd: new Date(now + 2 * DAY_MS).toISOString() };
    const first = await sweepScheduledTriggers(sweepContext(), window);
    const second = await sweepScheduledTriggers(sweepContext(), window);
    expect(first).toEqual({ ...window, flows: 1, due: 1, started: 1 });
    expect(second).toEqual({ ...first, started: 0 });

    const runId = runIdFor('f-bday', ann, { kind: 'fire', fireAt });
    const workflowId = workflowIdFor('f-bday', `${ann}/${fireDay(fireAt)}`);
    expect(await runsOf(db.sql, 'f-bday')).toEqual([
      expect.objectContaining({ id: runId, contactId: ann, workflowId, status: 'running', startedAt: fireAt.toISOString(), stepCount: 0 }),
    ]);
    const description = await temporal.client.workflow.getHandle(workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    // Temporal holds the start until the fire time (give or take the call's own latency).
    expect(Math.abs((description.executionTime?.getTime() ?? 0) - fireAt.getTime())).toBeLessThan(1000);
    expect(executionsOf(recorder, runId)).toBe(0);
    await temporal.client.workflow.getHandle(workflowId).terminate('test over');
  });

  it('starts an inactivity run at its fire time; events for the contact meanwhile do not start it early', async () => {
    await storeFlow(db.sql, 'f-quiet', tagFlow('Win-back', ['trigger.inactivity', { activity: 'order', days: 1 }], { reentry: 'once' }));
    const now = Date.now();
    // The last order was a day ago, less four seconds: the contact counts as inactive in four seconds.
    const lastOrderAt = new Date(now - DAY_MS + 4000);
    const fireAt = new Date(lastOrderAt.getTime() + DAY_MS);
    const ann = await contactWith({}, 'order.created', lastOrderAt.toISOString());
    const window = { windowStart: new Date(now - 3_600_000).toISOString(), windowEnd: new Date(now + 3_600_000).toISOString() };
    expect(await sweepScheduledTriggers(sweepContext(), window)).toMatchObject({ due: 1, started: 1 });

    // The contact browses meanwhile: the dispatcher must leave the delayed run alone.
    const dispatcher = startDispatcher({ sql: db.sql, client: temporal.client, taskQueue, pollMs: 3_600_000, log: (line) => logs.push(line) });
    await ingestEvent(db.sql, shopEvent(uniqueKey('view'), 'product.viewed', ann));
    await dispatcher.drainOnce();
    await dispatcher.stop();
    const workflowId = workflowIdFor('f-quiet', `${ann}/${fireDay(fireAt)}`);
    const history = await temporal.client.workflow.getHandle(workflowId).fetchHistory();
    expect((history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes)).toEqual([]);

    const runId = runIdFor('f-quiet', ann, { kind: 'fire', fireAt });
    await waitFor(() => getRun(db.sql, runId), (run) => run?.status === 'done', 'the win-back run to end');
    const steps = recorder.stepsOf(runId);
    expect(outline(steps)).toEqual(['trigger started', 'tag done']);
    expect(Date.parse(steps[0]?.at as string)).toBeGreaterThanOrEqual(fireAt.getTime());
    expect(executionsOf(recorder, runId)).toBe(1);
  });

  it('applies the re-entry rule: a contact who went through a "once" flow is not swept in again', async () => {
    await storeFlow(db.sql, 'f-once', tagFlow('Win-back', ['trigger.inactivity', { activity: 'login', days: 30 }], { reentry: 'once' }));
    const now = Date.now();
    const ann = await contactWith({ lastLoginAt: new Date(now - 30 * DAY_MS + 60_000).toISOString() });
    const today = { windowStart: new Date(now).toISOString(), windowEnd: new Date(now + 3_600_000).toISOString() };
    expect(await sweepScheduledTriggers(sweepContext(), today)).toMatchObject({ due: 1, started: 1 });
    const [run] = await runsOf(db.sql, 'f-once');
    await temporal.client.workflow.getHandle(run?.workflowId as string).terminate('test over');
    await db.sql`update runs set status = 'done', ended_at = now(), end_reason = 'cancelled' where id = ${run?.id as string}`;

    // Logged in again, then quiet for another 30 days: due again, but "once" keeps them out.
    await ingestEvent(db.sql, { ...shopEvent(uniqueKey('login'), 'customer.login', ann), contact: { id: ann, lastLoginAt: new Date(now + 60 * DAY_MS).toISOString() } });
    const later = { windowStart: new Date(now + 90 * DAY_MS).toISOString(), windowEnd: new Date(now + 91 * DAY_MS).toISOString() };
    expect(await sweepScheduledTriggers(sweepContext(), later)).toMatchObject({ due: 1, started: 0 });
    expect(await runsOf(db.sql, 'f-once')).toHaveLength(1);
  });

  it('runs from a Temporal Schedule that is created once and updated after, each sweep over the window it was due for', async () => {
    await storeFlow(db.sql, 'f-sched', tagFlow('Win-back', ['trigger.inactivity', { activity: 'order', days: 1 }], { reentry: 'once' }));
    const ann = await contactWith({}, 'order.created', new Date(Date.now() - DAY_MS + 600_000).toISOString());

    expect(await ensureTriggerSchedules(temporal.client, { intervalSeconds: 3600, taskQueue })).toBe('created');
    expect(await ensureTriggerSchedules(temporal.client, { intervalSeconds: 1800, taskQueue })).toBe('updated');
    const schedule = temporal.client.schedule.getHandle(TRIGGER_SWEEP_SCHEDULE_ID);
    try {
      const described = await schedule.describe();
      expect(described.spec.intervals?.map((i) => i.every)).toEqual([1_800_000]);
      expect(described.policies).toMatchObject({ overlap: 'BUFFER_ALL', catchupWindow: DAY_MS });

      const triggeredAt = Date.now();
      await schedule.trigger();
      const { info } = await waitFor(() => schedule.describe(), (d) => d.info.recentActions.length > 0, 'the schedule to start a sweep');
      const sweepId = info.recentActions[0]?.action.workflow.workflowId as string;
      const result: SweepResult = await temporal.client.workflow.getHandle(sweepId).result();
      expect(result).toMatchObject({ flows: 1, due: 1, started: 1 });
      // One interval back and two ahead of the time the sweep was due.
      const [start, end] = [Date.parse(result.windowStart), Date.parse(result.windowEnd)];
      expect(end - start).toBe(3 * 1_800_000);
      expect(Math.abs(start + 1_800_000 - triggeredAt)).toBeLessThan(10_000);
      const [run] = await runsOf(db.sql, 'f-sched');
      expect(run).toMatchObject({ contactId: ann, status: 'running' });
      await temporal.client.workflow.getHandle(run?.workflowId as string).terminate('test over');

      // A sweep Temporal catches up on after an outage covers the window of the time it was due.
      const missed = Math.floor((triggeredAt - 2 * 3_600_000) / 1_800_000) * 1_800_000;
      await schedule.backfill({ start: new Date(missed - 1000), end: new Date(missed + 1000), overlap: 'ALLOW_ALL' });
      const caughtUpAction = (d: ScheduleDescription) => d.info.recentActions.find((a) => a.scheduledAt.getTime() === missed);
      const backfilled = await waitFor(() => schedule.describe(), (d) => caughtUpAction(d) !== undefined, 'the schedule to catch up');
      const caughtUp: SweepResult = await temporal.client.workflow.getHandle(caughtUpAction(backfilled)?.action.workflow.workflowId as string).result();
      expect([caughtUp.windowStart, caughtUp.windowEnd]).toEqual([new Date(missed - 1_800_000).toISOString(), new Date(missed + 3_600_000).toISOString()]);
    } finally {
      await schedule.delete();
    }
  });
});
