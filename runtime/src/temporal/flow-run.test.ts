import { ApplicationFailure } from '@temporalio/common';
import { INVALID_INPUT_ERROR, type FlowRunResult } from '@nudgeflow/workflows/contract';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelFlowRun, queryFlowProgress, signalEvent, startFlowRun } from './client';
import { saveHistoryIfRecording } from './replay-histories';
import { TestActivities, outline } from './test-activities';
import { DAY_IN_2_5_S, flowInput, graphOf, orderEvent, paymentReminder, uniqueKey } from './test-flows';
import { useTestTemporal, waitFor } from './test-temporal';

const temporal = useTestTemporal();
const recorder = new TestActivities();
const HOUR = 3_600_000;

beforeAll(async () => {
  await temporal.startWorker(recorder.activities);
}, 60_000);

beforeEach(() => {
  recorder.onEffect = undefined;
});

function result(workflowId: string): Promise<FlowRunResult> {
  return temporal.client.workflow.getHandle(workflowId).result();
}

async function waitingAt(workflowId: string, nodeId: string) {
  return waitFor(() => queryFlowProgress(temporal.client, workflowId), (p) => p?.status === 'waiting' && p.nodeId === nodeId, `the run to wait at ${nodeId}`);
}

describe('the payment-reminder flow on a real Temporal server', () => {
  it('sends exactly one SMS when the order is not paid within 24 h', async () => {
    const key = uniqueKey('unpaid');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder(), key, { trigger: created });
    await startFlowRun(temporal.client, input, { signal: created });

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'sms' }, stepCount: 4 });
    expect(recorder.effectsOf(input.run.runId)).toEqual(new Map([[`${input.run.runId}:sms:1`, 1]]));
    const steps = recorder.stepsOf(input.run.runId);
    expect(outline(steps)).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid timeout', 'sms sent']);
    const waited = Date.parse(steps[2]!.at) - Date.parse(steps[1]!.at);
    expect(waited).toBeGreaterThanOrEqual(24 * HOUR);
    expect(steps[1]!.detail).toBe(`until ${new Date(Date.parse(steps[1]!.at) + 24 * HOUR).toISOString()} for order.paid`);
    expect(recorder.lastRecord(input.run.runId)).toMatchObject({ status: 'done', end: { reason: 'completed', nodeId: 'sms' } });
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'payment-reminder-unpaid');
  });

  it('sends nothing when order.paid comes 2 h in, and ends through the wait\'s "event" output', async () => {
    const key = uniqueKey('paid');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder(), key, { trigger: created });
    await startFlowRun(temporal.client, input, { signal: created });
    await waitingAt(input.run.workflowId, 'wait_paid');
    await new Promise((resolve) => setTimeout(resolve, (2 * HOUR) / DAY_IN_2_5_S));
    expect(await signalEvent(temporal.client, input.run.workflowId, orderEvent('order.paid', key))).toBe(true);

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'wait_paid' }, stepCount: 3 });
    expect(recorder.effectsOf(input.run.runId).size).toBe(0);
    const steps = recorder.stepsOf(input.run.runId);
    expect(outline(steps)).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid event']);
    expect(steps[2]!.detail).toBe('order.paid');
    expect(Date.parse(steps[2]!.at) - Date.parse(steps[1]!.at)).toBeLessThan(24 * HOUR);
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'payment-reminder-paid');
  });

  it('ignores a payment for another order and a redelivered trigger', async () => {
    const key = uniqueKey('other');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder(), key, { trigger: created });
    await startFlowRun(temporal.client, input, { signal: created });
    await waitingAt(input.run.workflowId, 'wait_paid');
    await signalEvent(temporal.client, input.run.workflowId, orderEvent('order.paid', `${key}-other`));
    await startFlowRun(temporal.client, input, { signal: created });

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'sms' }, stepCount: 4 });
    expect([...recorder.effectsOf(input.run.runId).values()]).toEqual([1]);
  });

  it('shows the waiting node in the progress query and the NudgeflowNodeId search attribute', async () => {
    const key = uniqueKey('progress');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder(), key, { trigger: created, timeScale: 1 });
    await startFlowRun(temporal.client, input, { signal: created });

    const progress = await waitingAt(input.run.workflowId, 'wait_paid');
    expect(progress).toMatchObject({ status: 'waiting', nodeId: 'wait_paid', stepCount: 2 });
    expect(outline(progress!.steps)).toEqual(['trigger started', 'wait_paid waiting']);
    const description = await temporal.client.workflow.getHandle(input.run.workflowId).describe();
    expect(description.searchAttributes).toMatchObject({ NudgeflowFlowId: ['flow-test'], NudgeflowContactId: ['c-1'], NudgeflowNodeId: ['wait_paid'] });
    const listed = await waitFor(
      async () => {
        const ids: string[] = [];
        for await (const execution of temporal.client.workflow.list({ query: `NudgeflowNodeId = 'wait_paid' AND WorkflowId = '${input.run.workflowId}'` })) ids.push(execution.workflowId);
        return ids;
      },
      (ids) => ids.length === 1,
      'the run to be listed by node',
    );
    expect(listed).toEqual([input.run.workflowId]);
    expect(await cancelFlowRun(temporal.client, input.run.workflowId, 'test over')).toBe(true);
    expect((await result(input.run.workflowId)).end).toEqual({ reason: 'cancelled', nodeId: 'wait_paid', detail: 'test over' });
  });

  it('ends a waiting run at once with reason goal on an exitOn event', async () => {
    const key = uniqueKey('goal');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder({ exitOn: [{ event: 'order.cancelled' }] }), key, { trigger: created, timeScale: 1 });
    await startFlowRun(temporal.client, input, { signal: created });
    await waitingAt(input.run.workflowId, 'wait_paid');
    await signalEvent(temporal.client, input.run.workflowId, orderEvent('order.cancelled', key));

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'goal', nodeId: 'wait_paid', detail: 'order.cancelled' }, stepCount: 3 });
    expect(outline(recorder.stepsOf(input.run.runId))).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid goal']);
    expect(recorder.effectsOf(input.run.runId).size).toBe(0);
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'exit-on-goal');
  });

  it('cancels a waiting run by signal; signalling it afterwards reports no running workflow', async () => {
    const key = uniqueKey('cancel');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder(), key, { trigger: created, timeScale: 1 });
    await startFlowRun(temporal.client, input, { signal: created });
    await waitingAt(input.run.workflowId, 'wait_paid');
    expect(await cancelFlowRun(temporal.client, input.run.workflowId, 'flow deleted')).toBe(true);

    expect((await result(input.run.workflowId)).end).toEqual({ reason: 'cancelled', nodeId: 'wait_paid', detail: 'flow deleted' });
    expect(recorder.lastRecord(input.run.runId)).toMatchObject({ status: 'done', end: { reason: 'cancelled' } });
    expect(await signalEvent(temporal.client, input.run.workflowId, orderEvent('order.paid', key))).toBe(false);
    expect(await cancelFlowRun(temporal.client, 'flow/none/nobody')).toBe(false);
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'cancelled');
  });

  it('cancelled through Temporal, the run still ends "cancelled" and is recorded', async () => {
    const key = uniqueKey('tcancel');
    const input = flowInput(paymentReminder(), key, { trigger: orderEvent('order.created', key), timeScale: 1 });
    await startFlowRun(temporal.client, input);
    await waitingAt(input.run.workflowId, 'wait_paid');
    await temporal.client.workflow.getHandle(input.run.workflowId).cancel();

    expect((await result(input.run.workflowId)).end).toEqual({ reason: 'cancelled', nodeId: 'wait_paid', detail: 'the workflow was cancelled' });
    expect(recorder.lastRecord(input.run.runId)).toMatchObject({ status: 'done', end: { reason: 'cancelled' } });
  });
});

describe('events, failures and bad nodes', () => {
  // Effects run as local activities: an event signalled while one runs reaches the workflow once
  // its task is over, after the effect's answer, and the wait that follows takes it.
  it('hands an event that arrives while an effect runs to the next wait', async () => {
    const key = uniqueKey('busy');
    const graph = graphOf(
      'Tag then wait',
      [
        ['trigger', 'trigger.event', { event: 'order.created' }],
        ['tag', 'action.tag', { add: ['ordered'] }],
        ['wait_paid', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }],
        ['sms', 'action.sendSms', { body: 'Please pay.', transactional: true }],
      ],
      ['trigger->tag', 'tag->wait_paid', 'wait_paid:timeout->sms'],
      { runPer: 'order' },
    );
    let release: () => void = () => {};
    const started = new Promise<void>((resolveStarted) => {
      recorder.onEffect = async (command) => {
        if (command.nodeId !== 'tag') return undefined;
        resolveStarted();
        await new Promise<void>((resolve) => (release = resolve));
        return undefined;
      };
    });
    const created = orderEvent('order.created', key);
    const input = flowInput(graph, key, { trigger: created });
    await startFlowRun(temporal.client, input, { signal: created });
    await started;
    await signalEvent(temporal.client, input.run.workflowId, orderEvent('order.paid', key));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'wait_paid' }, stepCount: 4 });
    const steps = recorder.stepsOf(input.run.runId);
    expect(outline(steps)).toEqual(['trigger started', 'tag done', 'wait_paid waiting', 'wait_paid event']);
    expect(steps[3]!.detail).toBe('order.paid');
    expect([...recorder.effectsOf(input.run.runId).keys()]).toEqual([`${input.run.runId}:tag:1`]);
  });

  it('ends the run failed, without retrying, when an effect reports invalid input', async () => {
    const key = uniqueKey('invalid');
    recorder.onEffect = async () => {
      throw ApplicationFailure.create({ type: INVALID_INPUT_ERROR, message: 'the phone number "+1" is not valid' });
    };
    const input = flowInput(
      graphOf('SMS at once', [['trigger', 'trigger.event', { event: 'order.created' }], ['sms', 'action.sendSms', { body: 'Hi', transactional: true }]], ['trigger->sms']),
      key,
      { trigger: orderEvent('order.created', key) },
    );
    await startFlowRun(temporal.client, input);

    const detail = 'the action.sendSms action at node "sms" failed: the phone number "+1" is not valid';
    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'failed', nodeId: 'sms', detail }, stepCount: 2 });
    expect(recorder.effectsOf(input.run.runId)).toEqual(new Map([[`${input.run.runId}:sms:1`, 1]]));
    expect(recorder.stepsOf(input.run.runId).at(-1)).toMatchObject({ nodeId: 'sms', type: 'action.sendSms', visit: 1, outcome: 'failed', detail });
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'effect-invalid-input');
  });

  it('records a bad node as a failed run and completes the workflow normally', async () => {
    const key = uniqueKey('bad');
    const input = flowInput(
      graphOf('Bad node', [['trigger', 'trigger.event', { event: 'order.created' }], ['mystery', 'acme.unknown', {}]], ['trigger->mystery']),
      key,
      { trigger: orderEvent('order.created', key) },
    );
    await startFlowRun(temporal.client, input);

    const end = { reason: 'failed', nodeId: 'mystery', detail: 'node "mystery" has the unknown type "acme.unknown"' };
    expect(await result(input.run.workflowId)).toEqual({ end, stepCount: 2 });
    expect(recorder.lastRecord(input.run.runId)).toMatchObject({ status: 'done', end });
    const description = await temporal.client.workflow.getHandle(input.run.workflowId).describe();
    expect(description.status.name).toBe('COMPLETED');
  });
});

/** order.created → wait 1 h for order.paid → on timeout a marketing SMS, sent 08:00–20:00 UTC. */
function reminderInWindow(days: string[]) {
  return graphOf(
    'Reminder in a send window',
    [
      ['trigger', 'trigger.event', { event: 'order.created' }],
      ['wait_paid', 'wait.untilEvent', { event: 'order.paid', sameOrder: true, timeout: 'PT1H' }],
      ['sms', 'action.sendSms', { body: 'Order {{ order.number }} is still waiting for payment.' }],
    ],
    ['trigger->wait_paid', 'wait_paid:timeout->sms'],
    { runPer: 'order', sendWindow: { days, from: '08:00', to: '20:00', timezone: 'UTC' } },
  );
}

describe('a wait whose timeout leads to a message held by the send window', () => {
  // Friday 20:30 UTC: the wait gives up at 21:30, when the window is closed.
  const flowStartAt = '2026-01-09T20:30:00.000Z';

  it('goes on listening until the window opens, then times out and the SMS goes at once', async () => {
    const key = uniqueKey('held-unpaid');
    const created = orderEvent('order.created', key);
    const input = flowInput(reminderInWindow(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), key, { trigger: created, flowStartAt });
    await startFlowRun(temporal.client, input, { signal: created });

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'sms' }, stepCount: 5 });
    const steps = recorder.stepsOf(input.run.runId);
    expect(outline(steps)).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid waiting', 'wait_paid timeout', 'sms sent']);
    expect(steps[2]!.detail).toBe('until 2026-01-10T08:00:00.000Z for order.paid (the send window of the next message is closed)');
    expect(Date.parse(steps[4]!.at)).toBeGreaterThanOrEqual(Date.parse('2026-01-10T08:00:00.000Z'));
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'timeout-held-for-window-unpaid');
  });

  it('takes the "paid" branch for a payment that comes while the reminder would be held: no SMS', async () => {
    const key = uniqueKey('held-paid');
    const created = orderEvent('order.created', key);
    // Weekdays only: held from Friday 21:30 until Monday 08:00 (about 6 s at this speed).
    const input = flowInput(reminderInWindow(['mon', 'tue', 'wed', 'thu', 'fri']), key, { trigger: created, flowStartAt });
    await startFlowRun(temporal.client, input, { signal: created });
    await waitFor(() => Promise.resolve(recorder.stepsOf(input.run.runId)), (steps) => steps.length >= 3, 'the wait to hold for the window');
    expect(await signalEvent(temporal.client, input.run.workflowId, orderEvent('order.paid', key))).toBe(true);

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'wait_paid' }, stepCount: 4 });
    expect(outline(recorder.stepsOf(input.run.runId))).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid waiting', 'wait_paid event']);
    expect(recorder.effectsOf(input.run.runId).size).toBe(0);
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'timeout-held-for-window-paid');
  });
});
