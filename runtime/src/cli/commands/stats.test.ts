import type { FlowEvent, FlowGraph, Step } from '@nudgeflow/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { engagementEvent, type Engagement } from '../../api/tracking/record-engagement';
import { testCredentials, useTestApi } from '../../api/test-api';
import { createFlow, createRun, ingestEvent, insertMessage, publishFlow, recordProgress, resolveContact } from '../../db';
import { testSms } from '../../db/test-messages';
import { findFreePort } from '../../dev/ports';
import { listen, type HttpServer } from '../../server/http-server';
import { runCli } from '../cli-harness';

/*
 * `nudgeflow stats` against the real API on a local port over a real database. The clock (Date
 * only) stands still at NOW, so the period the API answers with, and so the report, is exact.
 */

const api = useTestApi();
const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const ago = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString();
const FLOW = 'flow_reminder';

const graph: FlowGraph = {
  schemaVersion: 1,
  name: 'Payment reminder',
  settings: { reentry: 'always', runPer: 'contact', exitOn: [], timezone: 'UTC' },
  nodes: [
    { id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: 'order.created' } },
    { id: 'wait_paid', type: 'wait.untilEvent', position: { x: 0, y: 150 }, config: { event: 'order.paid', timeout: 'PT24H' } },
    { id: 'email', type: 'action.sendEmail', position: { x: 0, y: 300 }, config: {} },
    { id: 'sms', type: 'action.sendSms', position: { x: 0, y: 450 }, config: {} },
  ],
  edges: [],
};

type RunEnd = { end: 'completed' | 'goal' | 'failed' } | { waitingAt: string };

async function run(id: string, contactId: string, hoursAgo: number, steps: [nodeId: string, outcome: string][], now: RunEnd): Promise<void> {
  const startedAt = ago(hoursAgo);
  await createRun(api.db.sql, { id, flowId: FLOW, flowVersion: 1, contactId, workflowId: `${FLOW}/${id}`, startedAt });
  const recorded: Step[] = steps.map(([nodeId, outcome]) => ({ at: startedAt, nodeId, type: 'x', visit: 1, outcome }));
  await recordProgress(
    api.db.sql,
    'end' in now
      ? { runId: id, fromSeq: 0, steps: recorded, status: 'done', end: { reason: now.end }, endedAt: startedAt }
      : { runId: id, fromSeq: 0, steps: recorded, status: 'waiting', nodeId: now.waitingAt },
  );
}

/** A message of the run, recorded (created) `hoursAgo`; sent then too when its status says so. */
async function message(key: string, runId: string, contactId: string, channel: 'email' | 'sms', status: 'sent' | 'delivered' | 'bounced' | 'failed' | 'skipped', hoursAgo: number) {
  const at = ago(hoursAgo);
  const sent = status === 'sent' || status === 'delivered' || status === 'bounced';
  const email = channel === 'email' ? { nodeId: 'email', marketing: true, to: `${contactId}@example.com`, subject: 'Your order' } : {};
  const { message: record } = await insertMessage(api.db.sql, testSms(key, { runId, flowId: FLOW, contactId, channel, status, sentAt: sent ? at : undefined, ...email }));
  await api.db.sql`update messages set created_at = ${at} where id = ${record.id}`;
  return record;
}

async function order(id: string, contactId: string, hoursAgo: number, total: number, currency: string): Promise<void> {
  const createdAt = ago(hoursAgo);
  const event: FlowEvent = { id: `created:${id}`, type: 'order.created', occurredAt: createdAt, contact: { id: contactId }, order: { id, createdAt, items: [], total, currency } };
  await ingestEvent(api.db.sql, event);
}

/** Five runs of four contacts, their emails and SMS, a person's opens and clicks and two orders after them. */
async function smallDataset(): Promise<void> {
  for (const id of ['ann', 'bob', 'cat', 'dan']) await api.db.sql.begin((tx) => resolveContact(tx, { id }));
  await run('r1', 'ann', 72, [['trigger', 'started'], ['wait_paid', 'waiting'], ['wait_paid', 'timeout'], ['email', 'sent'], ['sms', 'sent']], { end: 'completed' });
  await run('r2', 'bob', 48, [['trigger', 'started'], ['wait_paid', 'waiting'], ['wait_paid', 'event']], { end: 'goal' });
  await run('r3', 'cat', 20, [['trigger', 'started'], ['wait_paid', 'waiting']], { waitingAt: 'wait_paid' });
  await run('r4', 'bob', 30, [['trigger', 'started'], ['wait_paid', 'timeout'], ['email', 'sent'], ['sms', 'failed']], { end: 'failed' });
  await run('r5', 'dan', 100, [['trigger', 'started'], ['wait_paid', 'timeout'], ['email', 'sent'], ['sms', 'skipped']], { end: 'completed' });

  const m1 = await message('m1', 'r1', 'ann', 'email', 'sent', 72);
  await message('s1', 'r1', 'ann', 'sms', 'delivered', 72);
  const m2 = await message('m2', 'r4', 'bob', 'email', 'sent', 30);
  await message('s2', 'r4', 'bob', 'sms', 'failed', 30);
  await message('m3', 'r5', 'dan', 'email', 'bounced', 100);
  await message('s3', 'r5', 'dan', 'sms', 'skipped', 100);
  const engage = (m: typeof m1, e: Engagement) => ingestEvent(api.db.sql, engagementEvent(m, e, new Date(NOW - 3_600_000)));
  await engage(m1, { type: 'email.opened' });
  await engage(m1, { type: 'email.clicked', url: 'https://shop.example/pay' });
  await engage(m2, { type: 'email.opened' });

  await order('o1', 'ann', 24, 990, 'CZK');
  await order('o2', 'bob', 12, 100.25, 'EUR');
}

let server: HttpServer | undefined;
const url = () => server?.url ?? '';

beforeAll(async () => {
  server = await listen({ fetch: (request) => api.app.fetch(request) }, { port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await server?.close();
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.stubEnv('NUDGEFLOW_ADMIN_TOKEN', testCredentials.adminToken);
  await createFlow(api.db.sql, { id: FLOW, graph });
  await publishFlow(api.db.sql, FLOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('nudgeflow stats', () => {
  it('prints the report: runs, messages with the emails’ rates, orders after them and a row per node', async () => {
    await smallDataset();
    const r = await runCli('stats', FLOW, '--url', url());
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.split('\n')).toEqual([
      'Payment reminder (flow_reminder)',
      'Last 30 days: 2026-02-08 12:00 – 2026-03-10 12:00 UTC',
      '',
      'Runs',
      '  started           5',
      '  in flow now       1',
      '  completed         2',
      '  reached the goal  1',
      '  exited            0',
      '  failed            1',
      '  cancelled         0',
      '',
      'Messages',
      '  sent       3',
      '  delivered  1',
      '  opened     2  100 % of 2 emails sent',
      '  clicked    1  50 % of 2 emails sent',
      '  failed     2  incl. 1 bounced',
      '  skipped    1',
      '',
      'Orders within 5 days after a message',
      '  orders            2',
      '  revenue     990 CZK',
      '           100.25 EUR',
      '',
      'Nodes',
      '  node       reached  waiting now  outcomes                       messages',
      '  trigger          5            0  started 5',
      '  wait_paid        5            1  timeout 3 · event 1',
      '  email            3            0  sent 3                         sent 2 · opened 100 % · clicked 50 % · bounced 1',
      '  sms              3            0  failed 1 · sent 1 · skipped 1  sent 1 · delivered 1 · failed 1 · skipped 1',
    ]);
  });

  it('looks back --days days, and says so when no run reached a node then', async () => {
    const r = await runCli('stats', FLOW, '--days', '7', '--url', url());
    expect([r.code, r.err]).toEqual([0, '']);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Payment reminder (flow_reminder)', 'Last 7 days: 2026-03-03 12:00 – 2026-03-10 12:00 UTC']);
    expect(lines.slice(-2)).toEqual(['Nodes', '  no run reached a node in this period']);
    expect(lines).toContain('  revenue  —');
  });

  it('prints the API’s answer as it is with --json', async () => {
    await smallDataset();
    const r = await runCli('stats', FLOW, '--days', '90', '--json', '--url', url());
    expect([r.code, r.err]).toEqual([0, '']);
    const answer = await api.request('GET', `/api/flows/${FLOW}/stats?days=90`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(r.out)).toEqual(answer.body);
  });

  it('names an unknown flow', async () => {
    const r = await runCli('stats', 'flow_nope', '--url', url());
    expect(r).toEqual({ code: 2, out: '', err: 'nudgeflow stats: no flow "flow_nope"' });
  });

  it('refuses --days outside 1–365 before asking the API', async () => {
    // A port nothing listens on: any request would fail with "cannot reach".
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    for (const days of ['0', '366', '2.5', 'week', '-1']) {
      const r = await runCli('stats', FLOW, `--days=${days}`, '--url', closed);
      expect(r).toEqual({ code: 2, out: '', err: `nudgeflow stats: --days must be a whole number from 1 to 365, not "${days}"` });
    }
  });

  it('says which URL it cannot reach, that the token was refused or is missing', async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    const unreachable = await runCli('stats', FLOW, '--url', closed);
    expect(unreachable).toEqual({ code: 2, out: '', err: `nudgeflow stats: cannot reach the Nudgeflow API at ${closed} (ECONNREFUSED); is it running? (--url or NUDGEFLOW_URL)` });

    vi.stubEnv('NUDGEFLOW_URL', url());
    vi.stubEnv('NUDGEFLOW_ADMIN_TOKEN', 'wrong-token-0123456789');
    const refused = await runCli('stats', FLOW);
    expect(refused).toEqual({ code: 2, out: '', err: `nudgeflow stats: the API at ${url()} refused the admin token in NUDGEFLOW_ADMIN_TOKEN` });

    vi.stubEnv('NUDGEFLOW_ADMIN_TOKEN', '');
    const missing = await runCli('stats', FLOW);
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/^nudgeflow stats: set NUDGEFLOW_ADMIN_TOKEN to the admin token/)]);
  });

  it('wants exactly one flow id, and answers --help with its usage', async () => {
    expect(await runCli('stats', '--url', url())).toEqual({ code: 2, out: '', err: `nudgeflow stats: expected one flow id\nusage: nudgeflow stats FLOW_ID [--days N] [--json] [--url URL]` });
    expect((await runCli('stats', FLOW, 'other', '--url', url())).code).toBe(2);
    const help = await runCli('stats', '--help');
    expect([help.code, help.err]).toEqual([0, '']);
    expect(help.out.split('\n')[0]).toBe('usage: nudgeflow stats FLOW_ID [--days N] [--json] [--url URL]');
  });
});
