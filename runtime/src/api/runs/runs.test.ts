import type { Step } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFlow, createRun, insertMessage, publishFlow, recordProgress, resolveContact, type NewRun } from '../../db';
import { paymentReminder } from '../../temporal/test-flows';
import { useTestApi } from '../test-api';
import { testSms } from '../../db/test-messages';

const api = useTestApi();

const step = (nodeId: string, outcome: string, detail?: string): Step => ({
  at: '2026-03-02T10:00:00.000Z',
  nodeId,
  type: nodeId === 'sms' ? 'action.sendSms' : 'wait.untilEvent',
  visit: 1,
  outcome,
  ...(detail ? { detail } : {}),
});

const run = (id: string, extra: Partial<NewRun> = {}): NewRun => ({
  id,
  flowId: 'f1',
  flowVersion: 1,
  contactId: 'ann',
  workflowId: `flow/f1/${id}`,
  startedAt: '2026-03-02T10:00:00.000Z',
  ...extra,
});

const sms = testSms;

beforeEach(async () => {
  for (const id of ['ann', 'bob']) await api.db.sql.begin((tx) => resolveContact(tx, { id }));
  for (const id of ['f1', 'f2']) {
    await createFlow(api.db.sql, { id, graph: paymentReminder() });
    await publishFlow(api.db.sql, id);
  }
});

describe('runs API', () => {
  it('lists runs newest first, filtered by flow, status, node and contact', async () => {
    await createRun(api.db.sql, run('r1', { startedAt: '2026-03-01T10:00:00.000Z' }));
    await createRun(api.db.sql, run('r2', { contactId: 'bob' }));
    await createRun(api.db.sql, run('r3', { flowId: 'f2', startedAt: '2026-03-03T10:00:00.000Z' }));
    await recordProgress(api.db.sql, { runId: 'r2', fromSeq: 0, steps: [step('wait_paid', 'waiting')], status: 'waiting', nodeId: 'wait_paid' });

    const ids = async (query: string) => (await api.request('GET', `/api/runs${query}`)).body.items.map((r: { id: string }) => r.id);
    expect(await ids('')).toEqual(['r3', 'r2', 'r1']);
    expect(await ids('?flowId=f1')).toEqual(['r2', 'r1']);
    expect(await ids('?status=waiting')).toEqual(['r2']);
    expect(await ids('?flowId=f1&nodeId=wait_paid')).toEqual(['r2']);
    expect(await ids('?contactId=ann')).toEqual(['r3', 'r1']);
    expect(await ids('?test=true')).toEqual([]);

    const all = await api.request('GET', '/api/runs?flowId=f1&status=waiting');
    expect(all.body).toEqual({
      items: [
        {
          id: 'r2',
          flowId: 'f1',
          flowVersion: 1,
          contactId: 'bob',
          workflowId: 'flow/f1/r2',
          status: 'waiting',
          nodeId: 'wait_paid',
          startedAt: '2026-03-02T10:00:00.000Z',
          test: false,
          stepCount: 1,
          updatedAt: expect.any(String),
        },
      ],
    });
  });

  it('pages with limit and an opaque cursor, without skipping or repeating a run', async () => {
    // Five runs in the same millisecond: only the id orders them.
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) await createRun(api.db.sql, run(id));
    const first = await api.request('GET', '/api/runs?limit=2');
    expect(first.body.items.map((r: { id: string }) => r.id)).toEqual(['r5', 'r4']);
    const second = await api.request('GET', `/api/runs?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((r: { id: string }) => r.id)).toEqual(['r3', 'r2']);
    const last = await api.request('GET', `/api/runs?limit=2&cursor=${second.body.nextCursor}`);
    expect(last.body).toEqual({ items: [expect.objectContaining({ id: 'r1' })] });
  });

  it('refuses bad filters, limits and cursors with the field named', async () => {
    const status = await api.request('GET', '/api/runs?status=sleeping');
    expect(status.status).toBe(400);
    expect(status.body.error.details[0].path).toBe('status');
    expect((await api.request('GET', '/api/runs?limit=501')).body.error.details).toEqual([{ path: 'limit', message: 'limit is at most 500' }]);
    expect((await api.request('GET', '/api/runs?limit=0')).status).toBe(400);
    const cursor = await api.request('GET', '/api/runs?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error).toEqual({ code: 'invalid_cursor', message: 'the cursor is not one this list handed out; ask for the first page again without it' });
  });

  it('shows a run with its steps and messages: why the contact got the SMS', async () => {
    await createRun(api.db.sql, run('r1', { orderId: 'o1', triggerEventId: 'e1' }));
    await recordProgress(api.db.sql, {
      runId: 'r1',
      fromSeq: 0,
      steps: [step('trigger', 'next'), step('wait_paid', 'timeout', 'no order.paid within 24 h'), step('sms', 'sent')],
      status: 'done',
      end: { reason: 'completed', nodeId: 'sms' },
      endedAt: '2026-03-03T10:00:00.000Z',
    });
    await insertMessage(api.db.sql, sms('flow/f1/r1:sms:1'));
    await insertMessage(api.db.sql, sms('other', { runId: 'r9' }));

    const res = await api.request('GET', '/api/runs/r1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'r1', status: 'done', endReason: 'completed', orderId: 'o1', triggerEventId: 'e1', stepCount: 3 });
    expect(res.body.steps).toEqual([step('trigger', 'next'), step('wait_paid', 'timeout', 'no order.paid within 24 h'), step('sms', 'sent')]);
    expect(res.body.messages).toEqual([expect.objectContaining({ idempotencyKey: 'flow/f1/r1:sms:1', status: 'sent', body: 'Order 1001 is still waiting for payment.' })]);
    expect((await api.request('GET', '/api/runs/nope')).body.error).toEqual({ code: 'not_found', message: 'run "nope" does not exist' });
  });

  it('cancels a running run through its workflow', async () => {
    await createRun(api.db.sql, run('r1'));
    const res = await api.request('POST', '/api/runs/r1/cancel');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ outcome: 'signalled', run: { id: 'r1', status: 'running' } });
    expect(api.calls.cancelledRuns).toEqual(['r1']);
  });

  it('records a run as cancelled when no workflow is running for it', async () => {
    await createRun(api.db.sql, run('r1'));
    await recordProgress(api.db.sql, { runId: 'r1', fromSeq: 0, steps: [step('wait_paid', 'waiting')], status: 'waiting', nodeId: 'wait_paid' });
    api.cancelRun = false;
    const res = await api.request('POST', '/api/runs/r1/cancel');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'ended',
      run: { status: 'done', endReason: 'cancelled', nodeId: 'wait_paid', endDetail: 'cancelled through the API; its workflow was no longer running', stepCount: 1 },
    });
  });

  it('says so when the workflow service cannot be reached, and leaves the run as it was', async () => {
    await createRun(api.db.sql, run('r1'));
    api.cancelRun = new Error('connection refused');
    const res = await api.request('POST', '/api/runs/r1/cancel');
    expect(res.status).toBe(503);
    expect(res.body.error).toEqual({
      code: 'workflow_unavailable',
      message: 'run "r1" could not be cancelled: the workflow service did not answer (connection refused); try again shortly',
    });
    expect((await api.request('GET', '/api/runs/r1')).body.status).toBe('running');
  });

  it('refuses to cancel a run that has ended, or one that does not exist', async () => {
    await createRun(api.db.sql, run('r1'));
    await recordProgress(api.db.sql, { runId: 'r1', fromSeq: 0, steps: [], status: 'done', end: { reason: 'goal' }, endedAt: '2026-03-02T12:00:00.000Z' });
    const res = await api.request('POST', '/api/runs/r1/cancel');
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'run_ended', message: 'run "r1" already ended (goal at 2026-03-02T12:00:00.000Z); there is nothing to cancel' });
    expect(api.calls.cancelledRuns).toEqual([]);
    expect((await api.request('POST', '/api/runs/nope/cancel')).status).toBe(404);
  });

  it('needs the admin token', async () => {
    expect((await api.request('GET', '/api/runs', { as: 'shop' })).status).toBe(401);
    expect((await api.request('POST', '/api/runs/r1/cancel', { as: 'anonymous' })).status).toBe(401);
  });
});
