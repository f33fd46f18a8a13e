import { flowStatsSchema } from '@nudgeflow/shared/api';
import { describe, expect, it } from 'vitest';
import { createRun, insertMessage, recordProgress, resolveContact } from '../../db';
import { testSms } from '../../db/test-messages';
import { paymentReminder } from '../../temporal/test-flows';
import { useTestApi } from '../test-api';

const api = useTestApi();

async function publishedFlow(): Promise<string> {
  const created = await api.request('POST', '/api/flows', { body: { graph: paymentReminder() } });
  expect((await api.request('POST', `/api/flows/${created.body.id}/publish`)).status).toBe(201);
  return created.body.id as string;
}

describe('GET /api/flows/:id/stats', () => {
  it('answers the stats of the last 30 days by default, in the contract’s shape', async () => {
    const flowId = await publishedFlow();
    await api.db.sql.begin((tx) => resolveContact(tx, { id: 'ann' }));
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    await createRun(api.db.sql, { id: 'r1', flowId, flowVersion: 1, contactId: 'ann', workflowId: `flow/${flowId}/ann`, startedAt });
    await recordProgress(api.db.sql, {
      runId: 'r1',
      fromSeq: 0,
      steps: [
        { at: startedAt, nodeId: 'trigger', type: 'trigger.event', visit: 1, outcome: 'started' },
        { at: startedAt, nodeId: 'wait_paid', type: 'wait.untilEvent', visit: 1, outcome: 'timeout' },
        { at: startedAt, nodeId: 'sms', type: 'action.sendSms', visit: 1, outcome: 'sent' },
      ],
      status: 'done',
      end: { reason: 'completed' },
      endedAt: startedAt,
    });
    await insertMessage(api.db.sql, testSms('r1:sms:1', { runId: 'r1', flowId, sentAt: startedAt }));

    const res = await api.request('GET', `/api/flows/${flowId}/stats`);
    expect(res.status).toBe(200);
    expect(flowStatsSchema.parse(res.body)).toEqual(res.body);
    const sms = { queued: 0, sent: 1, delivered: 0, failed: 0, bounced: 0, skipped: 0, opened: 0, clicked: 0 };
    expect(res.body).toEqual({
      flowId,
      days: 30,
      from: expect.any(String),
      to: expect.any(String),
      runs: { started: 1, active: 0, completed: 1, goal: 0, exited: 0, failed: 0, cancelled: 0 },
      inFlowNow: 0,
      messages: sms,
      conversions: { windowDays: 5, orders: 0, revenue: [] },
      nodes: [
        { nodeId: 'trigger', reached: 1, waitingNow: 0, outcomes: { started: 1 } },
        { nodeId: 'wait_paid', reached: 1, waitingNow: 0, outcomes: { timeout: 1 } },
        { nodeId: 'sms', reached: 1, waitingNow: 0, outcomes: { sent: 1 }, messages: sms },
      ],
    });
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(30 * 86_400_000);

    const week = await api.request('GET', `/api/flows/${flowId}/stats?days=7`);
    expect(week.status).toBe(200);
    expect(week.body.days).toBe(7);
  });

  it('answers 404 for an unknown or deleted flow', async () => {
    const unknown = await api.request('GET', '/api/flows/flow_nope/stats');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { code: 'not_found', message: 'flow "flow_nope" does not exist' } });

    const flowId = await publishedFlow();
    expect((await api.request('DELETE', `/api/flows/${flowId}`)).status).toBe(200);
    expect((await api.request('GET', `/api/flows/${flowId}/stats`)).status).toBe(404);
  });

  it('answers 400 naming `days` when it is not a whole number from 1 to 365', async () => {
    const flowId = await publishedFlow();
    for (const days of ['0', '366', '2.5', 'week']) {
      const res = await api.request('GET', `/api/flows/${flowId}/stats?days=${days}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['days']);
    }
  });

  it('is for admins only', async () => {
    const flowId = await publishedFlow();
    expect((await api.request('GET', `/api/flows/${flowId}/stats`, { as: 'shop' })).status).toBe(401);
  });

  it('is documented with the contract’s components', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body;
    const get = doc.paths['/api/flows/{id}/stats'].get;
    expect(get.parameters.map((p: { name: string; in: string }) => [p.in, p.name])).toEqual([
      ['path', 'id'],
      ['query', 'days'],
    ]);
    expect(get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/FlowStats' });
    const { FlowStats, NodeStats } = doc.components.schemas;
    const messageCounts = { $ref: '#/components/schemas/MessageCounts' };
    // One named component, not a copy written out per field.
    expect(JSON.stringify(FlowStats.properties.messages)).toContain(messageCounts.$ref);
    expect(FlowStats.properties.nodes.items).toEqual({ $ref: '#/components/schemas/NodeStats' });
    expect(NodeStats.properties.messages).toEqual({ allOf: [messageCounts, { description: 'For nodes that send: their messages in the period' }] });
  });
});
