import { Connection } from '@temporalio/client';
// CommonJS without detectable named exports: Node's ESM loader needs the default import.
import proto from '@temporalio/proto';

const { temporal } = proto;
import { describe, expect, it } from 'vitest';
import { queryFlowProgress, signalEvent, startFlowRun, workflowIdFor } from './client';
import { ensureSearchAttributes } from './search-attributes';
import { flowInput, orderEvent, paymentReminder, uniqueKey } from './test-flows';
import { useTestTemporal } from './test-temporal';

const testTemporal = useTestTemporal();
// Nobody polls this queue: started workflows stay exactly as the client left them.
const taskQueue = 'client-test-unpolled';

describe('the Temporal client helpers', () => {
  it('builds one workflow id per flow and key', () => {
    expect(workflowIdFor('f-1', 'ord-9')).toBe('flow/f-1/ord-9');
  });

  it('starts a run once: a second start for the same workflow id keeps the first', async () => {
    const key = uniqueKey('once');
    const input = flowInput(paymentReminder(), key);
    const first = await startFlowRun(testTemporal.client, input, { taskQueue });
    const second = await startFlowRun(testTemporal.client, { ...input, run: { ...input.run, runId: 'another' } }, { taskQueue });
    expect(second).toEqual(first);
    const handle = testTemporal.client.workflow.getHandle(input.run.workflowId);
    const description = await handle.describe();
    expect(description.searchAttributes).toEqual({ NudgeflowFlowId: ['flow-test'], NudgeflowContactId: ['c-1'] });
    await handle.terminate('test over');
  });

  it('signal-with-start delivers the event to a new and to a running workflow alike', async () => {
    const key = uniqueKey('sws');
    const input = flowInput(paymentReminder(), key);
    const started = await startFlowRun(testTemporal.client, input, { signal: orderEvent('order.created', key), taskQueue });
    const again = await startFlowRun(testTemporal.client, input, { signal: orderEvent('order.paid', key), taskQueue });
    expect(again).toEqual(started);
    const history = await testTemporal.client.workflow.getHandle(input.run.workflowId).fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes).map((e) => e.workflowExecutionSignaledEventAttributes?.signalName);
    expect(signals).toEqual(['event', 'event']);
    expect(await signalEvent(testTemporal.client, input.run.workflowId, orderEvent('order.paid', key, 'again'))).toBe(true);
    await testTemporal.client.workflow.getHandle(input.run.workflowId).terminate('test over');
    expect(await signalEvent(testTemporal.client, input.run.workflowId, orderEvent('order.paid', key, 'late'))).toBe(false);
    expect(await queryFlowProgress(testTemporal.client, 'flow/none/nobody')).toBeUndefined();
  });

  it('registers missing search attributes and leaves existing ones alone', async () => {
    const connection = await Connection.connect({ address: testTemporal.server.address });
    try {
      expect(await ensureSearchAttributes(connection)).toEqual([]);
      expect(await ensureSearchAttributes(connection, 'default', ['NudgeflowFlowId', 'NudgeflowTestExtra'])).toEqual(['NudgeflowTestExtra']);
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      expect(customAttributes?.NudgeflowTestExtra).toBe(temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    } finally {
      await connection.close();
    }
  });
});
