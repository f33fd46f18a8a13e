import { simulate } from '@nudgeflow/shared';
import { findTemplate } from '@nudgeflow/shared/templates';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFlow, publishFlow, saveDraft } from '../../db';
import { useTestApi } from '../test-api';

/* Simulations and request checks, through the whole API on a real database. Live runs: live-test-runs.test.ts. */

const api = useTestApi();
const template = findTemplate('eproduct-payment-reminder');
if (!template) throw new Error('the e-book payment reminder template is missing');
const { graph, scenario: unpaid } = template;
const order = unpaid.events[0]?.order;
const unpaidOnly = { ...unpaid, events: unpaid.events.slice(0, 1) };
const paidAt2h = { ...unpaid, events: [unpaid.events[0], { atSeconds: 7200, type: 'order.paid', order: { ...order, paymentStatus: 'paid' } }] };

beforeEach(async () => {
  await createFlow(api.db.sql, { id: 'f1', graph });
});

const outline = (steps: { nodeId: string; outcome: string }[]) => steps.map((s) => `${s.nodeId} ${s.outcome}`);

describe('POST /api/flows/{id}/test-runs (simulate)', () => {
  it('answers at once with the simulation of the draft: the unpaid order gets the SMS at +24h', async () => {
    const res = await api.request('POST', '/api/flows/f1/test-runs', { body: { events: unpaidOnly, mode: 'simulate' } });
    expect(res.status).toBe(201);
    const expected = simulate(graph, unpaidOnly, { flowId: 'f1' });
    expect(res.body).toEqual({
      id: expect.stringMatching(/^trun_/),
      mode: 'simulate',
      status: 'done',
      flowId: 'f1',
      version: 'draft',
      createdAt: expect.any(String),
      endedAt: expect.any(String),
      ...JSON.parse(JSON.stringify(expected)),
    });
    expect(res.body.actions).toContainEqual(
      expect.objectContaining({ atSeconds: 86400, nodeId: 'sms_reminder', channel: 'sms', to: '+420777123456', status: 'sent', body: expect.stringContaining('order 2025-5001 (349 CZK)') }),
    );
    const read = await api.request('GET', `/api/test-runs/${res.body.id}`);
    expect(read).toEqual({ status: 200, body: res.body });
  });

  it('takes the "paid" path when the scripted payment comes at +2 h: no SMS', async () => {
    const res = await api.request('POST', '/api/flows/f1/test-runs', { body: { events: paidAt2h, mode: 'simulate' } });
    expect(outline(res.body.steps)).toEqual(['trigger started', 'is_ebook yes', 'wait_paid waiting', 'wait_paid event', 'assign_licence done', 'email_licence sent']);
    expect(res.body.steps[3].atSeconds).toBe(7200);
    expect(res.body.actions.map((a: { nodeId: string }) => a.nodeId)).toEqual(['assign_licence', 'email_licence']);
    expect(res.body.end).toEqual({ atSeconds: 7200, reason: 'completed', nodeId: 'email_licence' });
  });

  it('tests a published version instead of the draft when asked', async () => {
    await publishFlow(api.db.sql, 'f1');
    const changed = structuredClone(graph);
    const sms = changed.nodes.find((n) => n.id === 'sms_reminder');
    if (sms) sms.config = { ...sms.config, body: 'Draft text' };
    await saveDraft(api.db.sql, 'f1', changed);
    const smsBody = async (version: unknown) => {
      const res = await api.request('POST', '/api/flows/f1/test-runs', { body: { events: unpaidOnly, mode: 'simulate', version } });
      expect(res.status).toBe(201);
      return { version: res.body.version, body: res.body.actions.find((a: { nodeId: string }) => a.nodeId === 'sms_reminder')?.body };
    };
    expect(await smsBody(1)).toEqual({ version: 1, body: expect.stringContaining('is still waiting for payment') });
    expect(await smsBody('draft')).toEqual({ version: 'draft', body: 'Draft text' });
  });

  it('says which flow or version does not exist', async () => {
    const body = { events: unpaidOnly, mode: 'simulate' };
    expect((await api.request('POST', '/api/flows/nope/test-runs', { body })).body.error).toEqual({ code: 'not_found', message: 'flow "nope" does not exist' });
    const res = await api.request('POST', '/api/flows/f1/test-runs', { body: { ...body, version: 3 } });
    expect([res.status, res.body.error.message]).toEqual([404, 'flow "f1" has no version 3']);
    expect((await api.request('GET', '/api/test-runs/trun_nope')).status).toBe(404);
  });
});

describe('POST /api/test-runs (a graph sent inline, as the CLI does)', () => {
  it('simulates the graph without storing a flow', async () => {
    const res = await api.request('POST', '/api/test-runs', { body: { graph, events: unpaidOnly, mode: 'simulate' } });
    expect(res.status).toBe(201);
    expect(res.body.flowId).toBeUndefined();
    expect(res.body.version).toBeUndefined();
    expect(res.body.end).toEqual({ atSeconds: 259200, reason: 'completed', nodeId: 'webhook_cancel' });
  });

  it('is for admins only', async () => {
    const res = await api.request('POST', '/api/test-runs', { body: { graph, events: unpaidOnly, mode: 'simulate' }, as: 'shop' });
    expect(res.status).toBe(401);
  });
});

describe('test run requests that cannot be tested', () => {
  it('names scenario problems by their JSON path', async () => {
    const events = { ...unpaidOnly, events: [{ atSeconds: -5, type: 'Order Paid' }] };
    const res = await api.request('POST', '/api/test-runs', { body: { graph, events, mode: 'simulate', timeScale: 10_000_000 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['events.events.0.atSeconds', 'events.events.0.type', 'timeScale']);
  });

  it('names graph problems by node, as the validator reports them', async () => {
    const broken = structuredClone(graph);
    const wait = broken.nodes.find((n) => n.id === 'wait_paid');
    if (wait) wait.config = { ...wait.config, timeout: '24 hours' };
    const res = await api.request('POST', '/api/test-runs', { body: { graph: broken, events: unpaidOnly, mode: 'simulate' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_flow');
    expect(res.body.error.message).toMatch(/^the flow cannot be tested: fix 1 error first, first node "wait_paid": /);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ severity: 'error', nodeId: 'wait_paid', field: 'timeout' }));
  });

  it('refuses a live run when the API has no workflow service, and live actions on a simulation', async () => {
    const live = await api.request('POST', '/api/flows/f1/test-runs', { body: { events: unpaidOnly, mode: 'live' } });
    expect([live.status, live.body.error.code]).toEqual([503, 'live_unavailable']);
    const { body } = await api.request('POST', '/api/flows/f1/test-runs', { body: { events: unpaidOnly, mode: 'simulate' } });
    const event = await api.request('POST', `/api/test-runs/${body.id}/events`, { body: { type: 'order.paid' } });
    expect([event.status, event.body.error.code]).toEqual([409, 'not_live']);
    const cancel = await api.request('POST', `/api/test-runs/${body.id}/cancel`);
    expect([cancel.status, cancel.body.error.code]).toEqual([409, 'not_live']);
  });

  it('documents the routes in the OpenAPI description', async () => {
    const res = await api.app.request('/api/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/flows/{id}/test-runs', '/api/test-runs', '/api/test-runs/{id}', '/api/test-runs/{id}/events', '/api/test-runs/{id}/cancel']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['TestRun', 'TestScenario', 'TestRunStep', 'TestRunAction', 'TestRunEnd']));
  });
});
