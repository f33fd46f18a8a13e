import type { FlowRunResult } from '@nudgeflow/workflows/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFlowRun } from '../temporal/client';
import { outline, TestActivities } from '../temporal/test-activities';
import { flowInput, orderEvent, paymentReminder, uniqueKey } from '../temporal/test-flows';
import { useTestTemporal } from '../temporal/test-temporal';

/*
 * What a live test run asks of the flow workflow, on a real Temporal server: a flow clock that
 * starts at the scenario's time, and scripted events that arrive by themselves at their flow time.
 */

const temporal = useTestTemporal();
const recorder = new TestActivities();
const START = '2025-03-10T08:00:00.000Z';
const HOUR = 3_600_000;

beforeAll(async () => {
  await temporal.startWorker(recorder.activities);
}, 60_000);

function result(workflowId: string): Promise<FlowRunResult> {
  return temporal.client.workflow.getHandle(workflowId).result();
}

describe('the flow workflow with a start time and scheduled events', () => {
  it('takes a payment scheduled at +2 h through the wait’s "event" output, on the given clock', async () => {
    const key = uniqueKey('scheduled-paid');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder(), key, {
      trigger: created,
      flowStartAt: START,
      scheduled: [{ atSeconds: 7200, event: orderEvent('order.paid', key) }],
    });
    await startFlowRun(temporal.client, input);

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'wait_paid' }, stepCount: 3 });
    const steps = recorder.stepsOf(input.run.runId);
    expect(outline(steps)).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid event']);
    expect(steps[0]?.at).toBe(START);
    const paidAt = Date.parse(steps[2]?.at ?? '') - Date.parse(START);
    expect(paidAt).toBeGreaterThanOrEqual(2 * HOUR);
    expect(paidAt).toBeLessThan(24 * HOUR);
    expect(recorder.effectsOf(input.run.runId).size).toBe(0);
  });

  it('hands over an event due at the very time the wait times out before the timeout, as the simulator does', async () => {
    const key = uniqueKey('scheduled-tie');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder(), key, { trigger: created, flowStartAt: START, scheduled: [{ atSeconds: 86_400, event: orderEvent('order.paid', key) }] });
    await startFlowRun(temporal.client, input);

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'wait_paid' }, stepCount: 3 });
    expect(outline(recorder.stepsOf(input.run.runId))).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid event']);
  });

  it('times out and sends the SMS when the scheduled payment comes too late', async () => {
    const key = uniqueKey('scheduled-late');
    const created = orderEvent('order.created', key);
    const input = flowInput(paymentReminder(), key, { trigger: created, flowStartAt: START, scheduled: [{ atSeconds: 30 * 3600, event: orderEvent('order.paid', key) }] });
    await startFlowRun(temporal.client, input);

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'sms' }, stepCount: 4 });
    expect(outline(recorder.stepsOf(input.run.runId))).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid timeout', 'sms sent']);
  });
});
