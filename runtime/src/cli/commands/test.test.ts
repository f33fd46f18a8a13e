import type { OpenAPIHono } from '@hono/zod-openapi';
import { builtinRegistry, type Step } from '@nudgeflow/shared';
import type { FlowRunInput } from '@nudgeflow/workflows/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testMessaging } from '../../activities/test-fixtures';
import { createApp } from '../../api/app';
import { createApiRoutes } from '../../api/routes';
import { testCredentials, useTestApi } from '../../api/test-api';
import { recordProgress } from '../../db';
import { findFreePort } from '../../dev/ports';
import { listen, type HttpServer } from '../../server/http-server';
import type { LiveTestRunControl } from '../../test-runs/live-control';
import { runCli, tempFiles } from '../cli-harness';
import { reminderFlow, unpaidEvents } from '../fixtures/reminder';
import { EXIT_INTERRUPTED, testCommand } from './test';

/*
 * `nudgeflow test` against a real API on a local port and a real database. The workflow service
 * is a stand-in that records the run's progress the way the worker would.
 */

const api = useTestApi();
const step = (at: string, nodeId: string, type: string, outcome: string, detail?: string): Step => ({ at, nodeId, type, visit: 1, outcome, ...(detail ? { detail } : {}) });

/** Plays the worker: a started run waits at wait_paid, or (finish) times out and sends the SMS at once. */
class PlayedRuns implements LiveTestRunControl {
  finish = true;
  started: FlowRunInput[] = [];
  cancelled: string[] = [];
  start = async (input: FlowRunInput) => {
    this.started.push(input);
    const at = input.flowStartAt ?? '';
    const later = new Date(Date.parse(at) + 86_400_000).toISOString();
    const waiting = [step(at, 'trigger', 'trigger.event', 'started', 'order.created'), step(at, 'wait_paid', 'wait.untilEvent', 'waiting', `until ${later} for order.paid`)];
    await recordProgress(api.db.sql, { runId: input.run.runId, fromSeq: 0, steps: waiting, status: 'waiting', nodeId: 'wait_paid' });
    if (!this.finish) return;
    // A moment later, as a worker would: the command must follow the run until then.
    const steps = [step(later, 'wait_paid', 'wait.untilEvent', 'timeout'), step(later, 'sms', 'action.sendSms', 'sent')];
    setTimeout(() => void recordProgress(api.db.sql, { runId: input.run.runId, fromSeq: 2, steps, status: 'done', end: { reason: 'completed', nodeId: 'sms' }, endedAt: later }), 100);
  };
  signal = async () => true;
  cancel = async (workflowId: string) => {
    this.cancelled.push(workflowId);
    const input = this.started.find((i) => i.run.workflowId === workflowId);
    const at = input?.flowStartAt ?? '';
    if (input) await recordProgress(api.db.sql, { runId: input.run.runId, fromSeq: 2, steps: [step(at, 'wait_paid', 'wait.untilEvent', 'cancelled')], status: 'done', end: { reason: 'cancelled', nodeId: 'wait_paid' }, endedAt: at });
    return true;
  };
}

const played = new PlayedRuns();
let server: HttpServer | undefined;
let app: OpenAPIHono | undefined;
const up = async () => ({ ok: true as const });

beforeAll(async () => {
  server = await listen(
    {
      fetch: (request) => {
        app ??= createApp(
          { credentials: testCredentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } },
          createApiRoutes({ sql: api.db.sql, registry: builtinRegistry, messaging: testMessaging, onAccepted: () => {}, cancelRuns: async () => {}, cancelRun: async () => true, testRuns: played }),
        );
        return app.fetch(request);
      },
    },
    { port: 0, host: '127.0.0.1' },
  );
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.close();
});

beforeEach(() => {
  vi.stubEnv('NUDGEFLOW_ADMIN_TOKEN', testCredentials.adminToken);
  played.finish = true;
  played.started = [];
  played.cancelled = [];
});

const url = () => server?.url ?? '';

describe('nudgeflow test', () => {
  it('simulates on the server and prints the same timeline as nudgeflow simulate', async () => {
    const file = await tempFiles({ 'flow.json': reminderFlow, 'events.json': unpaidEvents });
    const r = await runCli('test', file('flow.json'), '--events', file('events.json'), '--url', url());
    expect([r.code, r.err]).toEqual([0, '']);
    const local = await runCli('simulate', file('flow.json'), '--events', file('events.json'));
    expect(r.out).toBe(local.out);
  });

  it('follows a live run until it ends, on its compressed clock, and prints its timeline or its JSON', async () => {
    const file = await tempFiles({ 'flow.json': reminderFlow, 'events.json': unpaidEvents });
    const r = await runCli('test', file('flow.json'), '--events', file('events.json'), '--live', '--time-scale', '7200', '--url', url());
    expect(r.code).toBe(0);
    expect(played.started[0]).toMatchObject({ timeScale: 7200, run: { test: true, flowVersion: 0 } });
    expect(r.err).toMatch(/^live test run trun_\S+ started \(7200 flow seconds per second\); Ctrl-C cancels it$/);
    expect(r.out.split('\n')).toEqual([
      '+0s       trigger   When order.created: started (order.created)',
      '+0s       wait_paid Wait up to 24 h for order.paid: waiting until +24h for order.paid',
      '+24h      wait_paid Wait up to 24 h for order.paid: timeout',
      '+24h      sms       SMS: “Hi {{ contact.firstName }}, order {{ order.numb…”: sent',
      '+24h      end: completed at sms',
    ]);

    const json = await runCli('test', file('flow.json'), '--events', file('events.json'), '--live', '--json', '--url', url());
    expect(JSON.parse(json.out)).toMatchObject({ mode: 'live', status: 'done', end: { atSeconds: 86400, reason: 'completed', nodeId: 'sms' } });
  });

  it('cancels the live run when interrupted, prints where it stopped and exits 130', async () => {
    played.finish = false;
    const file = await tempFiles({ 'flow.json': reminderFlow, 'events.json': unpaidEvents });
    const interrupt = new AbortController();
    const out: string[] = [];
    const running = testCommand([file('flow.json'), '--events', file('events.json'), '--live', '--url', url()], { out: (t) => out.push(t), err: () => interrupt.abort() }, {
      interrupt: interrupt.signal,
    });
    expect(await running).toBe(EXIT_INTERRUPTED);
    expect(played.cancelled).toEqual([played.started[0]?.run.workflowId]);
    expect(out.join('\n')).toMatch(/wait_paid\s+Wait .*: cancelled\n\+0s\s+end: cancelled at wait_paid/);
  });

  it('prints the problems of an invalid flow or scenario and exits 1, without calling the API', async () => {
    const file = await tempFiles({ 'flow.json': { ...reminderFlow, edges: [] }, 'events.json': unpaidEvents, 'bad-events.json': { contact: {}, events: [{ atSeconds: -1, type: 'order.created' }] } });
    const flow = await runCli('test', file('flow.json'), '--events', file('events.json'), '--url', 'http://127.0.0.1:9');
    expect([flow.code, flow.err]).toEqual([1, expect.stringMatching(/the flow is not valid, nothing was tested[\s\S]*unreachable/i)]);
    const good = await tempFiles({ 'flow.json': reminderFlow });
    const events = await runCli('test', good('flow.json'), '--events', file('bad-events.json'), '--url', 'http://127.0.0.1:9');
    expect([events.code, events.err]).toEqual([1, expect.stringMatching(/events\.0\.atSeconds/)]);
  });

  it('says what is missing: the token, a reachable API, --live for --time-scale', async () => {
    const file = await tempFiles({ 'flow.json': reminderFlow, 'events.json': unpaidEvents });
    const args = [file('flow.json'), '--events', file('events.json')];
    expect((await runCli('test', ...args, '--time-scale', '60')).err).toMatch(/--time-scale is for live runs: add --live/);
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    expect((await runCli('test', ...args, '--url', closed)).err).toBe(`nudgeflow test: cannot reach the Nudgeflow API at ${closed} (ECONNREFUSED); is it running? (--url or NUDGEFLOW_URL)`);
    vi.stubEnv('NUDGEFLOW_ADMIN_TOKEN', 'wrong-token-0123456789');
    expect((await runCli('test', ...args, '--url', url())).err).toBe(`nudgeflow test: the API at ${url()} refused the admin token in NUDGEFLOW_ADMIN_TOKEN`);
    vi.stubEnv('NUDGEFLOW_ADMIN_TOKEN', '');
    const r = await runCli('test', ...args, '--url', url());
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/set NUDGEFLOW_ADMIN_TOKEN/)]);
  });
});
