import type { FlowRunResult } from '@nudgeflow/workflows/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxChannels } from '../channels/outbox';
import { ingestEvent } from '../db/ingest-event';
import { createFlow, publishFlow } from '../db/flows';
import { listMessages } from '../db/messages';
import { createRun, getRun } from '../db/runs';
import { useTestDatabase } from '../db/test-database';
import { queryFlowProgress, signalEvent, startFlowRun } from '../temporal/client';
import { contact, DAY_IN_2_5_S, flowInput, orderEvent, paymentReminder, uniqueKey } from '../temporal/test-flows';
import { useTestTemporal, waitFor } from '../temporal/test-temporal';
import { createFlowActivities } from './index';
import { testMessaging } from './test-fixtures';

/*
 * The payment-reminder flow end to end: the real workflow on a real Temporal dev server, these
 * activities on a real Postgres, the outbox channel; a flow day lasts 2.5 s.
 */

const db = useTestDatabase();
const temporal = useTestTemporal();
const HOUR = 3_600_000;
const graph = paymentReminder();

beforeAll(async () => {
  await createFlow(db.sql, { graph, id: 'flow-test' });
  await publishFlow(db.sql, 'flow-test');
  await temporal.startWorker(createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: outboxChannels() }));
}, 120_000);

/** What the dispatcher does: the event stored (contact and order with it), the run's row, then the workflow. */
async function enter(key: string) {
  const created = { ...orderEvent('order.created', key), contact };
  await ingestEvent(db.sql, created);
  const input = flowInput(graph, key, { trigger: created });
  await createRun(db.sql, { id: input.run.runId, flowId: 'flow-test', flowVersion: 1, contactId: contact.id, orderId: key, workflowId: input.run.workflowId, startedAt: created.occurredAt, triggerEventId: created.id });
  await startFlowRun(temporal.client, input, { signal: created });
  return input;
}

function result(workflowId: string): Promise<FlowRunResult> {
  return temporal.client.workflow.getHandle(workflowId).result();
}

describe('payment reminder on Temporal and Postgres', () => {
  it('without payment: exactly one SMS after 24 h, and every step recorded', async () => {
    const key = uniqueKey('unpaid');
    const input = await enter(key);

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'sms' }, stepCount: 4 });
    const messages = (await listMessages(db.sql, { runId: input.run.runId })).items;
    expect(messages).toEqual([
      expect.objectContaining({
        idempotencyKey: `${input.run.runId}:sms:1`,
        flowId: 'flow-test',
        nodeId: 'sms',
        contactId: 'c-1',
        channel: 'sms',
        marketing: false,
        to: '+420777123456',
        body: `Order ${key.toUpperCase()} is still waiting for payment.`,
        status: 'sent',
        provider: 'outbox',
        test: false,
      }),
    ]);
    const run = await getRun(db.sql, input.run.runId);
    expect(run).toMatchObject({ status: 'done', nodeId: 'sms', endReason: 'completed', stepCount: 4 });
    expect(run?.steps.map((s) => `${s.nodeId} ${s.outcome}`)).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid timeout', 'sms sent']);
    expect(Date.parse(run?.steps[2]?.at ?? '') - Date.parse(run?.steps[1]?.at ?? '')).toBeGreaterThanOrEqual(24 * HOUR);
  }, 60_000);

  it('paid 2 h in: no message, and the run ends through the wait’s "event" output', async () => {
    const key = uniqueKey('paid');
    const input = await enter(key);
    await waitFor(() => queryFlowProgress(temporal.client, input.run.workflowId), (p) => p?.status === 'waiting' && p.nodeId === 'wait_paid', 'the run to wait for payment');
    await new Promise((resolve) => setTimeout(resolve, (2 * HOUR) / DAY_IN_2_5_S));
    const paid = { ...orderEvent('order.paid', key), contact: { id: contact.id } };
    await ingestEvent(db.sql, paid);
    expect(await signalEvent(temporal.client, input.run.workflowId, paid)).toBe(true);

    expect(await result(input.run.workflowId)).toEqual({ end: { reason: 'completed', nodeId: 'wait_paid' }, stepCount: 3 });
    expect((await listMessages(db.sql, { runId: input.run.runId })).items).toEqual([]);
    const run = await getRun(db.sql, input.run.runId);
    expect(run).toMatchObject({ status: 'done', nodeId: 'wait_paid', endReason: 'completed', stepCount: 3 });
    expect(run?.steps.map((s) => `${s.nodeId} ${s.outcome}`)).toEqual(['trigger started', 'wait_paid waiting', 'wait_paid event']);
  }, 60_000);
});
