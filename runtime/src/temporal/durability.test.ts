import type { FlowRunResult } from '@nudgeflow/workflows/contract';
import { describe, expect, it } from 'vitest';
import { queryFlowProgress, signalEvent, startFlowRun } from './client';
import { saveHistoryIfRecording } from './replay-histories';
import { TestActivities, outline } from './test-activities';
import { contact, flowInput, graphOf, orderEvent, uniqueKey } from './test-flows';
import { useTestTemporal, waitFor } from './test-temporal';

const temporal = useTestTemporal();

function ping(id: string) {
  return { id, type: 'loop.ping', occurredAt: new Date().toISOString(), contact: { id: contact.id } };
}

/** Tags the contact on every ping; three quiet hours end it. */
const pingLoop = graphOf(
  'Ping loop',
  [
    ['trigger', 'trigger.event', { event: 'loop.start' }],
    ['wait_ping', 'wait.untilEvent', { event: 'loop.ping', sameOrder: false, timeout: 'PT3H' }],
    ['tag', 'action.tag', { add: ['pinged'] }],
    ['quiet', 'flow.exit', { reason: 'quiet' }],
  ],
  ['trigger->wait_ping', 'wait_ping:event->tag', 'tag->wait_ping', 'wait_ping:timeout->quiet'],
);

describe('durability', () => {
  it('continues as new between waits and keeps visits, step numbers, queued ids and the step tail', async () => {
    const recorder = new TestActivities();
    const taskQueue = uniqueKey('can-queue');
    await temporal.startWorker(recorder.activities, { taskQueue });
    const key = uniqueKey('loop');
    const start = { ...ping(`start-${key}`), type: 'loop.start' };
    // An hour of flow time in 1.5 s: three quiet hours end the run 4.5 s after the last ping.
    const input = flowInput(pingLoop, key, { trigger: start, timeScale: 2400, continueAsNewAfter: 15 });
    const { runId: firstRunId } = await startFlowRun(temporal.client, input, { signal: start, taskQueue });
    const handle = temporal.client.workflow.getHandle(input.run.workflowId);

    for (const n of [1, 2, 3]) await signalEvent(temporal.client, input.run.workflowId, ping(`ping-${key}-${n}`));
    await waitFor(async () => (await handle.describe()).runId, (runId) => runId !== firstRunId, 'a continue-as-new');
    // Redelivered before the continue-as-new: must not count again in the new run.
    await signalEvent(temporal.client, input.run.workflowId, ping(`ping-${key}-2`));
    for (const n of [4, 5]) await signalEvent(temporal.client, input.run.workflowId, ping(`ping-${key}-${n}`));

    const result: FlowRunResult = await handle.result();
    expect(result.end).toEqual({ reason: 'exited', nodeId: 'quiet', detail: 'quiet' });
    const runId = input.run.runId;
    expect(recorder.effectsOf(runId)).toEqual(new Map([1, 2, 3, 4, 5].map((visit) => [`${runId}:tag:${visit}`, 1])));
    const steps = recorder.stepsOf(runId);
    expect(result.stepCount).toBe(steps.length);
    expect(steps.filter((s) => s.nodeId === 'tag').map((s) => `${s.outcome}:${s.visit}`)).toEqual(['done:1', 'done:2', 'done:3', 'done:4', 'done:5']);
    expect(outline(steps).slice(-2)).toEqual(['wait_ping timeout', 'quiet exited']);
    const progress = await queryFlowProgress(temporal.client, input.run.workflowId);
    expect(progress).toEqual({ status: 'done', nodeId: 'quiet', end: result.end, steps, stepCount: steps.length });
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'ping-loop-before-continue-as-new', firstRunId);
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'ping-loop-after-continue-as-new');
  }, 60_000);

  it('finishes a waiting run on a new worker after the first one stopped, each effect once', async () => {
    const recorder = new TestActivities();
    const taskQueue = uniqueKey('restart-queue');
    const graph = graphOf(
      'Tag, wait, remind',
      [
        ['trigger', 'trigger.event', { event: 'order.created' }],
        ['tag', 'action.tag', { add: ['unpaid'] }],
        ['wait_paid', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }],
        ['sms', 'action.sendSms', { body: 'Please pay.', transactional: true }],
      ],
      ['trigger->tag', 'tag->wait_paid', 'wait_paid:timeout->sms'],
      { runPer: 'order' },
    );
    const first = await temporal.startWorker(recorder.activities, { taskQueue });
    const key = uniqueKey('restart');
    const created = orderEvent('order.created', key);
    // A day in 3 s: the worker is down when the reminder falls due.
    const input = flowInput(graph, key, { trigger: created, timeScale: 86_400 / 3 });
    await startFlowRun(temporal.client, input, { signal: created, taskQueue });
    await waitFor(() => queryFlowProgress(temporal.client, input.run.workflowId), (p) => p?.nodeId === 'wait_paid', 'the run to wait');
    await first.stop();
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(recorder.effectsOf(input.run.runId)).toEqual(new Map([[`${input.run.runId}:tag:1`, 1]]));

    await temporal.startWorker(recorder.activities, { taskQueue });
    const result: FlowRunResult = await temporal.client.workflow.getHandle(input.run.workflowId).result();
    expect(result.end).toEqual({ reason: 'completed', nodeId: 'sms' });
    expect(recorder.effectsOf(input.run.runId)).toEqual(
      new Map([
        [`${input.run.runId}:tag:1`, 1],
        [`${input.run.runId}:sms:1`, 1],
      ]),
    );
    expect(outline(recorder.stepsOf(input.run.runId))).toEqual(['trigger started', 'tag done', 'wait_paid waiting', 'wait_paid timeout', 'sms sent']);
    await saveHistoryIfRecording(temporal.client, input.run.workflowId, 'worker-restart-reminder');
  }, 60_000);
});
