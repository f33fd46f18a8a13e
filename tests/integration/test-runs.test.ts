import type { z } from '@hono/zod-openapi';
import { findTemplate } from '@nudgeflow/shared/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import type { testRunSchema } from '../../runtime/src/api/test-runs/schemas';
import { eventually } from './poll';
import { useIntegrationStack } from './stack-harness';

/*
 * Live test runs of the e-book payment-reminder draft on the real stack: the flowRun workflow on
 * the worker process, compressed time, the scenario's later events arriving by themselves, and
 * nothing reaching real contacts, real codes, run lists or flow counts.
 */

type TestRun = z.infer<typeof testRunSchema>;

const stack = useIntegrationStack();
const template = findTemplate('eproduct-payment-reminder');
if (!template) throw new Error('the e-book payment reminder template is missing');
const { graph, scenario } = template;
const created = scenario.events[0];
const unpaid = { ...scenario, events: [created] };
const paidAt2h = { ...scenario, events: [created, { atSeconds: 7200, type: 'order.paid', order: { ...created?.order, paymentStatus: 'paid' } }] };
const REAL_CODE = 'EBK-REAL-0001';
let flowId: string;
let realContactId: string;
let realContactBefore: unknown;

beforeAll(async () => {
  const flow = await stack.api.request<{ id: string }>('POST', '/api/flows', { body: { graph } });
  flowId = flow.body.id;
  await stack.api.importCodes('ebook_licence', [REAL_CODE]);
  // The scenario's customer exists for real: a test run must leave her alone.
  const login = await stack.api.postEvents({ id: 'login-1', type: 'customer.login', occurredAt: '2025-03-01T10:00:00Z', contact: { email: scenario.contact.email, firstName: 'Jana' } });
  realContactId = login.body.results[0]?.contactId ?? '';
  realContactBefore = await stack.api.get(`/api/contacts/${realContactId}`);
}, 30_000);

async function startLive(events: unknown, timeScale: number): Promise<TestRun> {
  const res = await stack.api.request<TestRun>('POST', `/api/flows/${flowId}/test-runs`, { body: { events, mode: 'live', timeScale } });
  if (res.status !== 201) throw new Error(`starting a live test run answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const testRun = (id: string) => stack.api.get<TestRun>(`/api/test-runs/${id}`);
const outline = (run: TestRun) => run.steps.map((s) => `${s.nodeId} ${s.outcome}`);

describe('live test runs on the real stack', () => {
  it('unpaid: reaches the SMS node on the compressed clock, the SMS in the outbox as a test; cancel ends it "cancelled"', async () => {
    const started = await startLive(unpaid, 14_400); // 4 h of flow time per second: the 24 h wait takes 6 s
    const reminded = await eventually(`test run ${started.id} to send the SMS and wait again`, () => testRun(started.id), (r) => r.currentNodeId === 'wait_paid_again', { timeoutMs: 30_000 });
    expect(outline(reminded)).toEqual(['trigger started', 'is_ebook yes', 'wait_paid waiting', 'wait_paid timeout', 'sms_reminder sent', 'wait_paid_again waiting']);
    expect(reminded.steps[3]?.atSeconds).toBeGreaterThanOrEqual(86_400);
    expect(reminded.actions).toEqual([
      expect.objectContaining({ nodeId: 'sms_reminder', type: 'action.sendSms', channel: 'sms', to: '+420777123456', status: 'sent', body: expect.stringContaining('order 2025-5001 (349 CZK)') }),
    ]);
    const [sms] = await stack.api.messages({ runId: started.runId });
    expect(sms).toMatchObject({ channel: 'sms', test: true, provider: 'outbox', contactId: `test-${started.id}`, status: 'sent' });

    const cancelled = await stack.api.request<TestRun>('POST', `/api/test-runs/${started.id}/cancel`);
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    const ended = await eventually(`test run ${started.id} to record its end`, () => testRun(started.id), (r) => r.end !== undefined);
    expect(ended).toMatchObject({ status: 'cancelled', end: { reason: 'cancelled', nodeId: 'wait_paid_again' } });
  }, 60_000);

  it('paid at +2 h (scripted): the run takes the "paid" path by itself, no SMS, a test code only', async () => {
    const started = await startLive(paidAt2h, 3600);
    const done = await eventually(`test run ${started.id} to end`, () => testRun(started.id), (r) => r.status !== 'running', { timeoutMs: 30_000 });
    expect(done).toMatchObject({ status: 'done', end: { reason: 'completed', nodeId: 'email_licence' } });
    expect(outline(done)).toEqual(['trigger started', 'is_ebook yes', 'wait_paid waiting', 'wait_paid event', 'assign_licence done', 'email_licence sent']);
    const paid = done.steps[3]?.atSeconds ?? 0;
    expect(paid).toBeGreaterThanOrEqual(7200);
    expect(paid).toBeLessThan(86_400);
    expect(done.actions.map((a) => [a.nodeId, a.channel, a.status])).toEqual([
      ['assign_licence', undefined, 'done'],
      ['email_licence', 'email', 'sent'],
    ]);
    expect(done.actions[0]?.body).toMatch(/^TEST-/);
    expect(await stack.api.messages({ runId: started.runId, channel: 'sms' })).toEqual([]);
    expect(await stack.api.get('/api/code-pools/ebook_licence')).toMatchObject({ total: 1, assigned: 0, remaining: 1 });
  }, 60_000);

  it('an event posted into a waiting run moves it; meanwhile it counts nowhere', async () => {
    const started = await startLive(unpaid, 60); // the 24 h wait would take 24 min
    await eventually(`test run ${started.id} to wait for the payment`, () => testRun(started.id), (r) => r.currentNodeId === 'wait_paid');

    const flows = await stack.api.get<{ id: string; activeRuns: number }[]>('/api/flows');
    expect(flows.find((f) => f.id === flowId)?.activeRuns).toBe(0);
    expect(await stack.api.runs({ flowId })).toEqual([]);
    const testRuns = await stack.api.get<{ items: { id: string; test: boolean }[] }>(`/api/runs?flowId=${flowId}&test=true`);
    expect(testRuns.items.map((r) => r.id)).toContain(started.runId);
    const contacts = await stack.api.get<{ items: { id: string }[] }>('/api/contacts');
    expect(contacts.items.map((c) => c.id)).toEqual([realContactId]);

    const posted = await stack.api.request<{ type: string }>('POST', `/api/test-runs/${started.id}/events`, { body: { type: 'order.paid' } });
    expect([posted.status, posted.body.type]).toEqual([202, 'order.paid']);
    const done = await eventually(`test run ${started.id} to end after the payment`, () => testRun(started.id), (r) => r.status !== 'running');
    expect(outline(done)).toEqual(['trigger started', 'is_ebook yes', 'wait_paid waiting', 'wait_paid event', 'assign_licence done', 'email_licence sent']);
    expect(done.end).toMatchObject({ reason: 'completed', nodeId: 'email_licence' });
  }, 60_000);

  it('left the real customer, her runs and the real code untouched', async () => {
    expect(await stack.api.get(`/api/contacts/${realContactId}`)).toEqual(realContactBefore);
    expect(await stack.api.runs({ contactId: realContactId })).toEqual([]);
    expect(await stack.api.messages({ contactId: realContactId })).toEqual([]);
    expect(await stack.api.get('/api/code-pools/ebook_licence')).toMatchObject({ total: 1, assigned: 0, remaining: 1 });
  });
});
