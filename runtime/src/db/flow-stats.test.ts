import type { FlowEvent, FlowGraph, Step } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { engagementEvent } from '../api/tracking/record-engagement';
import { resolveContact } from './contacts';
import { storeUnroutedEvent } from './events';
import { flowStats } from './flow-stats';
import { createFlow, deleteFlow, publishFlow } from './flows';
import { ingestEvent } from './ingest-event';
import { insertMessage, type MessageRecord } from './messages';
import { createRun, recordProgress } from './runs';
import { testSms } from './test-messages';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

const HOUR = 3_600_000;
let start = new Date();
/** A time this many hours before the test started (the stats' period ends when they are asked for). */
const ago = (hours: number) => new Date(start.getTime() - hours * HOUR).toISOString();

// The draft's order is not the ids' order: sms comes before email.
const graph: FlowGraph = {
  schemaVersion: 1,
  name: 'Payment reminder',
  settings: { reentry: 'always', runPer: 'contact', exitOn: [], timezone: 'UTC' },
  nodes: ['trigger', 'wait_paid', 'sms', 'email'].map((id) => ({ id, type: 'x', position: { x: 0, y: 0 }, config: {} })),
  edges: [],
};

const step = (nodeId: string, outcome: string, at: string): Step => ({ at, nodeId, type: 'x', visit: 1, outcome });

interface RunSpec {
  contactId: string;
  startedHoursAgo: number;
  steps: [nodeId: string, outcome: string][];
  /** Where it is now, or how it ended. */
  now: { status: 'running' | 'waiting'; nodeId: string } | { end: 'completed' | 'goal' | 'exited' };
  test?: boolean;
}

async function run(id: string, spec: RunSpec): Promise<void> {
  const startedAt = ago(spec.startedHoursAgo);
  await createRun(db.sql, { id, flowId: 'f1', flowVersion: 1, contactId: spec.contactId, workflowId: `f1/${id}`, startedAt, test: spec.test ?? false });
  const steps = spec.steps.map(([nodeId, outcome]) => step(nodeId, outcome, startedAt));
  const { now } = spec;
  await recordProgress(
    db.sql,
    'end' in now
      ? { runId: id, fromSeq: 0, steps, status: 'done', end: { reason: now.end }, endedAt: startedAt }
      : { runId: id, fromSeq: 0, steps, status: now.status, nodeId: now.nodeId },
  );
}

async function message(key: string, extra: Parameters<typeof testSms>[1]): Promise<MessageRecord> {
  return (await insertMessage(db.sql, testSms(key, extra))).message;
}

const email = (key: string, contactId: string, extra: Parameters<typeof testSms>[1]) =>
  message(key, { contactId, channel: 'email', nodeId: 'email', marketing: true, to: `${contactId}@example.com`, subject: 'Your order', ...extra });

/** A person's open or click (routed like the tracking links' events), or a machine's (recorded apart). */
async function engage(msg: MessageRecord, engagement: { type: 'email.opened' } | { type: 'email.clicked'; url: string }, machine = false): Promise<void> {
  const at = new Date(start.getTime() - HOUR);
  if (machine) await storeUnroutedEvent(db.sql, engagementEvent(msg, engagement, at, { reason: 'link scanner (Mimecast)' }), msg.contactId);
  else await ingestEvent(db.sql, engagementEvent(msg, engagement, at));
}

async function order(id: string, contactId: string, placedHoursAgo: number, money: { total?: number; currency?: string }): Promise<void> {
  const createdAt = ago(placedHoursAgo);
  const event: FlowEvent = { id: `created:${id}`, type: 'order.created', occurredAt: createdAt, contact: { id: contactId }, order: { id, createdAt, items: [], ...money } };
  await ingestEvent(db.sql, event);
}

const zeroMessages = { queued: 0, sent: 0, delivered: 0, failed: 0, bounced: 0, skipped: 0, opened: 0, clicked: 0 };

beforeEach(async () => {
  await db.reset();
  start = new Date();
  for (const id of ['ann', 'bob', 'cat', 'dan']) await db.sql.begin((tx) => resolveContact(tx, { id }));
  await createFlow(db.sql, { id: 'f1', graph });
  await publishFlow(db.sql, 'f1');
});

describe('flowStats', () => {
  it('counts real runs of the period, steps by outcome, messages, people’s opens and clicks, and orders after a sent message', async () => {
    await run('r1', { contactId: 'ann', startedHoursAgo: 72, steps: [['trigger', 'started'], ['wait_paid', 'waiting'], ['wait_paid', 'timeout'], ['sms', 'sent']], now: { end: 'completed' } });
    await run('r2', { contactId: 'bob', startedHoursAgo: 48, steps: [['trigger', 'started'], ['wait_paid', 'waiting'], ['wait_paid', 'event']], now: { end: 'goal' } });
    await run('r3', { contactId: 'cat', startedHoursAgo: 20, steps: [['trigger', 'started'], ['wait_paid', 'waiting']], now: { status: 'waiting', nodeId: 'wait_paid' } });
    // Started before the period: not in `runs` nor `reached`, but still in the flow and waiting.
    await run('r4', { contactId: 'dan', startedHoursAgo: 40 * 24, steps: [['trigger', 'started'], ['wait_paid', 'waiting']], now: { status: 'waiting', nodeId: 'wait_paid' } });
    // Went through a node since removed from the draft; held by the email's send window now.
    await run('r5', { contactId: 'ann', startedHoursAgo: 1, steps: [['trigger', 'started'], ['old', 'yes'], ['email', 'delayed']], now: { status: 'running', nodeId: 'email' } });
    await run('r6', { contactId: 'bob', startedHoursAgo: 1, steps: [['trigger', 'started'], ['wait_paid', 'waiting']], now: { status: 'waiting', nodeId: 'wait_paid' }, test: true });
    await run('r7', { contactId: 'cat', startedHoursAgo: 120, steps: [['trigger', 'started'], ['wait_paid', 'waiting'], ['wait_paid', 'exited']], now: { end: 'exited' } });

    const m1 = await email('m1', 'ann', { status: 'sent', sentAt: ago(48) });
    const m2 = await email('m2', 'bob', { status: 'sent', sentAt: ago(48) });
    const m3 = await email('m3', 'cat', { status: 'sent', sentAt: ago(8 * 24) });
    await email('m4', 'dan', { status: 'bounced', reason: 'mailbox unknown', sentAt: ago(48) });
    const testEmail = await email('m5', 'ann', { status: 'sent', sentAt: ago(30), test: true });
    await message('s1', { contactId: 'ann', status: 'delivered', sentAt: ago(72) });
    await message('s2', { contactId: 'bob', status: 'skipped', reason: 'no consent', sentAt: undefined });
    await message('s3', { contactId: 'cat', status: 'failed', reason: 'provider said no', sentAt: undefined });
    await message('s4', { contactId: 'dan', status: 'queued', sentAt: undefined });
    await message('s5', { contactId: 'dan', status: 'sent', sentAt: ago(31 * 24) });
    await message('other-flow', { flowId: 'f2', contactId: 'dan', status: 'sent', sentAt: ago(36) });
    // Messages are recorded when they are sent: move the old ones back to their time.
    await db.sql`update messages set created_at = sent_at where sent_at is not null`;

    await engage(m1, { type: 'email.opened' });
    await engage(m1, { type: 'email.clicked', url: 'https://shop.example/a' });
    await engage(m1, { type: 'email.clicked', url: 'https://shop.example/b' }); // two links: one email clicked
    // Clicked with the images off: opened all the same.
    await engage(m2, { type: 'email.clicked', url: 'https://shop.example/a' });
    await engage(m3, { type: 'email.opened' }, true);
    await engage(m3, { type: 'email.clicked', url: 'https://shop.example/a' }, true);
    await engage(testEmail, { type: 'email.opened' });

    await order('o1', 'ann', 24, { total: 990, currency: 'CZK' }); // after m1 and s1: once
    await order('o2', 'ann', 96, { total: 300, currency: 'CZK' }); // before any message to ann
    await order('o3', 'cat', 48, { total: 50, currency: 'EUR' }); // 6 days after m3
    await order('o4', 'bob', 24, { total: 25.5, currency: 'EUR' }); // cancelled below
    await order('o5', 'bob', 12, { total: 100.25, currency: 'EUR' });
    await order('o6', 'dan', 24, { total: 500, currency: 'CZK' }); // after a bounce and another flow's SMS only
    await order('o7', 'bob', 6, { total: 10 }); // no currency: an order, but no revenue
    await ingestEvent(db.sql, { id: 'cancel:o4', type: 'order.cancelled', occurredAt: ago(2), contact: { id: 'bob' }, order: { id: 'o4', items: [] } });

    const stats = await flowStats(db.sql, 'f1', { days: 30 });
    expect(stats).toEqual({
      flowId: 'f1',
      days: 30,
      from: expect.any(String),
      to: expect.any(String),
      runs: { started: 5, active: 2, completed: 1, goal: 1, exited: 1, failed: 0, cancelled: 0 },
      inFlowNow: 3,
      messages: { queued: 1, sent: 4, delivered: 1, failed: 1, bounced: 1, skipped: 1, opened: 2, clicked: 2 },
      conversions: {
        windowDays: 5,
        orders: 3,
        revenue: [
          { currency: 'CZK', total: 990 },
          { currency: 'EUR', total: 100.25 },
        ],
      },
      nodes: [
        { nodeId: 'trigger', reached: 5, waitingNow: 0, outcomes: { started: 5 } },
        { nodeId: 'wait_paid', reached: 4, waitingNow: 2, outcomes: { timeout: 1, event: 1, exited: 1 } },
        {
          nodeId: 'sms',
          reached: 1,
          waitingNow: 0,
          outcomes: { sent: 1 },
          messages: { ...zeroMessages, queued: 1, sent: 1, delivered: 1, failed: 1, skipped: 1 },
        },
        { nodeId: 'email', reached: 1, waitingNow: 0, outcomes: {}, messages: { ...zeroMessages, sent: 3, bounced: 1, opened: 2, clicked: 2 } },
        { nodeId: 'old', reached: 1, waitingNow: 0, outcomes: { yes: 1 } },
      ],
    });
    const { from, to } = stats ?? { from: '', to: '' };
    expect(Date.parse(to) - Date.parse(from)).toBe(30 * 24 * HOUR);
    expect(Date.parse(to)).toBeGreaterThanOrEqual(start.getTime());
  });

  it('looks back only `days` days', async () => {
    await run('r1', { contactId: 'ann', startedHoursAgo: 72, steps: [['trigger', 'started']], now: { end: 'completed' } });
    await run('r2', { contactId: 'bob', startedHoursAgo: 20, steps: [['trigger', 'started'], ['wait_paid', 'waiting']], now: { status: 'waiting', nodeId: 'wait_paid' } });

    const lastDay = await flowStats(db.sql, 'f1', { days: 1 });
    expect(lastDay?.runs).toEqual({ started: 1, active: 1, completed: 0, goal: 0, exited: 0, failed: 0, cancelled: 0 });
    expect(lastDay?.nodes).toEqual([
      { nodeId: 'trigger', reached: 1, waitingNow: 0, outcomes: { started: 1 } },
      { nodeId: 'wait_paid', reached: 1, waitingNow: 1, outcomes: {} },
    ]);
  });

  it('answers zeros for a flow with no runs, and nothing for an unknown or deleted flow', async () => {
    expect(await flowStats(db.sql, 'f1', { days: 30 })).toMatchObject({
      runs: { started: 0, active: 0, completed: 0, goal: 0, exited: 0, failed: 0, cancelled: 0 },
      inFlowNow: 0,
      messages: zeroMessages,
      conversions: { windowDays: 5, orders: 0, revenue: [] },
      nodes: [],
    });
    expect(await flowStats(db.sql, 'nope', { days: 30 })).toBeUndefined();
    await deleteFlow(db.sql, 'f1');
    expect(await flowStats(db.sql, 'f1', { days: 30 })).toBeUndefined();
  });
});
