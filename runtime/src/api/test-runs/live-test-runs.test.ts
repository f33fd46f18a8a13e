import type { OpenAPIHono } from '@hono/zod-openapi';
import { builtinRegistry, type FlowEvent } from '@nudgeflow/shared';
import { findTemplate } from '@nudgeflow/shared/templates';
import type { FlowRunInput } from '@nudgeflow/workflows/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { testMessaging } from '../../activities/test-fixtures';
import { createFlow, getRun, recordProgress, resolveContact } from '../../db';
import type { LiveTestRunControl } from '../../test-runs/live-control';
import { createApp } from '../app';
import { createApiRoutes } from '../routes';
import { testCredentials, useTestApi, type TestResponse } from '../test-api';
import { flowTestRunRoutes, testRunRoutes } from './index';

/* Live test runs against the database, with a recording stand-in for the workflow service (the real one: tests/integration/test-runs.test.ts). */

class RecordingControl implements LiveTestRunControl {
  started: FlowRunInput[] = [];
  signals: [string, FlowEvent][] = [];
  cancels: [string, string][] = [];
  startError: Error | undefined;
  running = true;
  start = async (input: FlowRunInput) => {
    if (this.startError) throw this.startError;
    this.started.push(input);
  };
  signal = async (workflowId: string, event: FlowEvent) => {
    this.signals.push([workflowId, event]);
    return this.running;
  };
  cancel = async (workflowId: string, reason: string) => {
    this.cancels.push([workflowId, reason]);
    return this.running;
  };
}

const api = useTestApi();
const template = findTemplate('eproduct-payment-reminder');
if (!template) throw new Error('the e-book payment reminder template is missing');
const { graph, scenario } = template;
const order = scenario.events[0]?.order;
const paidAt2h = { ...scenario, events: [scenario.events[0], { atSeconds: 7200, type: 'order.paid', order: { ...order, paymentStatus: 'paid' } }] };

let control = new RecordingControl();
let now = new Date();
let app: OpenAPIHono | undefined;
const up = async () => ({ ok: true as const });

/** The whole API with the stand-in control; the test-run groups first, with a clock the test moves. */
function liveApp(): OpenAPIHono {
  const deps = { sql: api.db.sql, registry: builtinRegistry, messaging: { ...testMessaging, defaultPhoneCountry: 'CZ' }, testRuns: control, now: () => now };
  const routes = createApiRoutes({ ...deps, onAccepted: () => {}, cancelRuns: async () => {}, cancelRun: async () => true });
  app ??= createApp({ credentials: testCredentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } }, [
    { path: '/api/test-runs', routes: testRunRoutes(deps), auth: 'admin' },
    { path: '/api/flows', routes: flowTestRunRoutes(deps), auth: 'admin' },
    ...routes,
  ]);
  return app;
}

async function request(method: string, path: string, body?: unknown): Promise<TestResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${testCredentials.adminToken}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await liveApp().request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: await res.json() };
}

beforeEach(async () => {
  control = new RecordingControl();
  app = undefined;
  now = new Date();
  await createFlow(api.db.sql, { id: 'f1', graph });
});

async function startLive(body: Record<string, unknown> = {}) {
  const res = await request('POST', '/api/flows/f1/test-runs', { events: paidAt2h, mode: 'live', ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; runId: string; createdAt: string };
}

describe('a live test run', () => {
  it('starts the real workflow as a test: the draft, the test contact, the trigger, the later events and the time scale', async () => {
    const started = await startLive({ timeScale: 7200 });
    const testContact = `test-${started.id}`;
    expect(started).toEqual({ id: started.id, mode: 'live', status: 'running', flowId: 'f1', version: 'draft', timeScale: 7200, runId: started.id, createdAt: expect.any(String), steps: [], actions: [] });
    const [input] = control.started;
    expect(input?.run).toEqual({ runId: started.id, workflowId: `test-run/${started.id}`, flowId: 'f1', flowVersion: 0, contactId: testContact, test: true });
    expect(input?.flow).toEqual({ id: 'f1', name: graph.name, version: 0, graph });
    expect(input?.contact).toEqual({ ...scenario.contact, id: testContact, lastOrderAt: '2025-03-10T08:00:00.000Z', orderCount: 1 });
    expect(input?.trigger).toMatchObject({ id: 'sim-0', type: 'order.created', order: { id: 'ord-5001' }, contact: { id: testContact } });
    expect(input?.order?.id).toBe('ord-5001');
    expect([input?.timeScale, input?.flowStartAt]).toEqual([7200, '2025-03-10T08:00:00.000Z']);
    expect(input?.scheduled?.map((s) => [s.atSeconds, s.event.type, s.event.order?.paymentStatus])).toEqual([[7200, 'order.paid', 'paid']]);
  });

  it('stays out of contact lists, run lists and flow counts; GET /api/runs?test=true shows it', async () => {
    await api.db.sql.begin((tx) => resolveContact(tx, { id: 'real-1', email: 'real@example.com' }));
    const started = await startLive();
    expect((await request('GET', '/api/contacts')).body.items.map((c: { id: string }) => c.id)).toEqual(['real-1']);
    expect((await request('GET', '/api/runs')).body.items).toEqual([]);
    expect((await request('GET', '/api/runs?test=true')).body.items.map((r: { id: string; test: boolean }) => [r.id, r.test])).toEqual([[started.id, true]]);
    expect((await request('GET', '/api/flows')).body.map((f: { id: string; activeRuns: number }) => [f.id, f.activeRuns])).toEqual([['f1', 0]]);
  });

  it('shows the run so far on the scenario clock, then its end', async () => {
    const { id } = await startLive();
    const step = (seconds: number, nodeId: string, type: string, outcome: string, detail?: string) => ({
      at: new Date(Date.parse(scenario.now) + seconds * 1000).toISOString(),
      nodeId,
      type,
      visit: 1,
      outcome,
      ...(detail ? { detail } : {}),
    });
    await recordProgress(api.db.sql, {
      runId: id,
      fromSeq: 0,
      steps: [step(0, 'trigger', 'trigger.event', 'started', 'order.created'), step(0, 'wait_paid', 'wait.untilEvent', 'waiting', 'until 2025-03-11T08:00:00.000Z for order.paid')],
      status: 'waiting',
      nodeId: 'wait_paid',
    });
    const waiting = await request('GET', `/api/test-runs/${id}`);
    expect(waiting.body).toMatchObject({ status: 'running', currentNodeId: 'wait_paid' });
    expect(waiting.body.steps[1]).toEqual({ atSeconds: 0, nodeId: 'wait_paid', type: 'wait.untilEvent', outcome: 'waiting', detail: 'until +24h for order.paid' });

    await recordProgress(api.db.sql, { runId: id, fromSeq: 2, steps: [step(7200, 'wait_paid', 'wait.untilEvent', 'event', 'order.paid')], status: 'done', end: { reason: 'completed', nodeId: 'wait_paid' }, endedAt: step(7200, '', '', '').at });
    const done = await request('GET', `/api/test-runs/${id}`);
    expect(done.body).toMatchObject({ status: 'done', end: { atSeconds: 7200, reason: 'completed', nodeId: 'wait_paid' }, endedAt: expect.any(String) });
    expect(done.body.currentNodeId).toBeUndefined();
  });

  it('hands a posted event to the run, about the test contact and its order', async () => {
    const { id, createdAt } = await startLive();
    now = new Date(Date.parse(createdAt) + 2000); // 2 s at 3600: 2 h of flow time
    const res = await request('POST', `/api/test-runs/${id}/events`, { type: 'order.paid' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ eventId: expect.stringMatching(new RegExp(`^${id}-event_`)), type: 'order.paid', atSeconds: 7200 });
    const [[workflowId, event]] = control.signals as [[string, FlowEvent]];
    expect(workflowId).toBe(`test-run/${id}`);
    expect(event).toMatchObject({ id: res.body.eventId, type: 'order.paid', contact: { id: `test-${id}` }, order: { id: 'ord-5001' } });

    control.running = false;
    const ended = await request('POST', `/api/test-runs/${id}/events`, { type: 'order.paid' });
    expect([ended.status, ended.body.error.code]).toEqual([409, 'test_run_ended']);
  });

  it('cancels: the test run says cancelled at once, and cannot be cancelled twice', async () => {
    const { id } = await startLive();
    const res = await request('POST', `/api/test-runs/${id}/cancel`);
    expect([res.status, res.body.status]).toEqual([200, 'cancelled']);
    expect(control.cancels).toEqual([[`test-run/${id}`, 'test run cancelled by an admin']]);
    const again = await request('POST', `/api/test-runs/${id}/cancel`);
    expect([again.status, again.body.error.code]).toEqual([409, 'test_run_ended']);
  });

  it('is stopped at the scenario horizon and then ends "waiting" there, as the simulation does', async () => {
    const { id, createdAt } = await startLive({ events: { ...scenario, events: scenario.events.slice(0, 1), horizonSeconds: 36_000 } });
    await recordProgress(api.db.sql, { runId: id, fromSeq: 0, steps: [], status: 'waiting', nodeId: 'wait_paid' });
    now = new Date(Date.parse(createdAt) + 9000); // 9 h of flow time: before the 10 h horizon
    expect((await request('GET', `/api/test-runs/${id}`)).body.status).toBe('running');
    now = new Date(Date.parse(createdAt) + 11_000);
    const res = await request('GET', `/api/test-runs/${id}`);
    expect(res.body).toMatchObject({ status: 'done', end: { atSeconds: 36_000, reason: 'waiting', nodeId: 'wait_paid' } });
    expect(control.cancels).toEqual([[`test-run/${id}`, 'the test run reached the end of its scenario (horizonSeconds)']]);
  });

  it('records a run that could not start as failed, and answers 503', async () => {
    control.startError = new Error('connection refused');
    const res = await request('POST', '/api/flows/f1/test-runs', { events: paidAt2h, mode: 'live' });
    expect([res.status, res.body.error.code]).toEqual([503, 'workflow_unavailable']);
    const [row] = await api.db.sql<{ id: string }[]>`select id from test_runs`;
    const read = await request('GET', `/api/test-runs/${row?.id}`);
    expect(read.body).toMatchObject({ status: 'failed', steps: [], end: { reason: 'failed', detail: expect.stringContaining('connection refused') } });
    expect(await getRun(api.db.sql, row?.id ?? '')).toMatchObject({ status: 'done', endReason: 'failed' });
  });

  it('passes deliverTo to the run with the number in E.164, and names a bad number', async () => {
    await startLive({ deliverTo: { email: 'admin@shop.example', phone: '606 000 111' } });
    expect(control.started[0]?.run.deliverTo).toEqual({ email: 'admin@shop.example', phone: '+420606000111' });
    const bad = await request('POST', '/api/flows/f1/test-runs', { events: paidAt2h, mode: 'live', deliverTo: { phone: '12345' } });
    expect([bad.status, bad.body.error.details]).toEqual([400, [{ path: 'deliverTo.phone', message: expect.stringContaining('"12345" is not a valid phone number') }]]);
  });

  it('ends at once when no event starts the flow', async () => {
    const res = await request('POST', '/api/flows/f1/test-runs', { events: { ...scenario, events: [] }, mode: 'live' });
    expect(res.body).toMatchObject({ status: 'done', steps: [], end: { reason: 'notStarted' } });
    expect(control.started).toEqual([]);
  });
});
