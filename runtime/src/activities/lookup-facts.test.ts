import type { FlowEvent } from '@nudgeflow/shared';
import type { FactQuery } from '@nudgeflow/shared/nodes';
import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestEvent } from '../db/ingest-event';
import { insertMessage } from '../db/messages';
import { useTestDatabase } from '../db/test-database';
import { createFlowActivities } from './index';
import { failureOf, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

const db = useTestDatabase();
let activities: ReturnType<typeof createFlowActivities>;
const run = runRef();

function orderCreated(orderId: string, at: string, items: { sku: string; category?: string }[]): FlowEvent {
  return { id: `created:${orderId}`, type: 'order.created', occurredAt: at, contact: { id: 'ann' }, order: { id: orderId, createdAt: at, items: items.map((i) => ({ ...i, quantity: 1 })) } };
}

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels() });
});

describe('lookupFacts', () => {
  it('hasPurchased: reads the order history, leaving out the run’s own order and old orders', async () => {
    await ingestEvent(db.sql, orderCreated('o-old', '2026-01-01T10:00:00Z', [{ sku: 'BOOT', category: 'shoes' }]));
    await ingestEvent(db.sql, orderCreated('o-run', '2026-03-01T10:00:00Z', [{ sku: 'BOOT', category: 'shoes' }]));
    const now = '2026-03-02T10:00:00.000Z';
    const query: FactQuery = { type: 'hasPurchased', skus: [], categories: ['shoes'], withinDays: 30, excludeOrderId: 'o-run' };

    expect(await activities.lookupFacts({ run, query, now })).toEqual({ matched: false });
    expect(await activities.lookupFacts({ run, query: { ...query, withinDays: 90 }, now })).toEqual({ matched: true, detail: 'order o-old' });
    expect(await activities.lookupFacts({ run, query: { ...query, excludeOrderId: undefined }, now })).toEqual({ matched: true, detail: 'order o-run' });
  });

  it('engagement: an open of the email this node sent, within the window', async () => {
    await insertMessage(db.sql, { idempotencyKey: 'k1', runId: 'run-1', flowId: 'f1', nodeId: 'mail', contactId: 'ann', channel: 'email', marketing: true, status: 'sent', sentAt: '2026-03-01T10:00:00Z' });
    await ingestEvent(db.sql, { id: 'open-1', type: 'email.opened', occurredAt: '2026-03-01T12:00:00Z', contact: { id: 'ann' }, data: { nodeId: 'mail' } });
    const query = { type: 'engagement', nodeId: 'mail', action: 'opened', withinSeconds: 3 * 3600 } as const;

    expect(await activities.lookupFacts({ run, query, now: '2026-03-02T00:00:00Z' })).toEqual({ matched: true, detail: 'email.opened at 2026-03-01T12:00:00.000Z' });
    expect(await activities.lookupFacts({ run, query: { ...query, withinSeconds: 3600 }, now: '2026-03-02T00:00:00Z' })).toEqual({ matched: false });
    expect(await activities.lookupFacts({ run, query: { ...query, action: 'clicked' }, now: '2026-03-02T00:00:00Z' })).toEqual({ matched: false });
    // Another flow with a node of the same id sent nothing to Ann.
    expect(await activities.lookupFacts({ run: runRef({ flowId: 'f2' }), query, now: '2026-03-02T00:00:00Z' })).toEqual({ matched: false });
  });

  it('recentMessages: when real marketing messages went out within the period', async () => {
    const sent = (key: string, at: string, extra: { marketing?: boolean; test?: boolean } = {}) =>
      insertMessage(db.sql, { idempotencyKey: key, contactId: 'ann', channel: 'sms', marketing: extra.marketing ?? true, status: 'sent', sentAt: at, test: extra.test ?? false });
    await sent('old', '2026-02-20T10:00:00Z');
    await sent('recent', '2026-03-01T10:00:00Z');
    await sent('service', '2026-03-01T11:00:00Z', { marketing: false });
    await sent('test', '2026-03-01T12:00:00Z', { test: true });
    await sent('after-now', '2026-03-02T11:00:00Z');

    const answer = await activities.lookupFacts({ run, query: { type: 'recentMessages', sinceSeconds: 7 * 86400 }, now: '2026-03-02T10:00:00Z' });
    expect(answer).toEqual({ sentAt: ['2026-03-01T10:00:00.000Z'] });
  });

  it('custom checks of a plugin this worker has not loaded are refused without retries', async () => {
    const query = { type: 'custom', nodeType: 'acme.isMember', configVersion: 1, config: {}, context: { contact: { id: 'ann', tags: [], attributes: {} } } } as FactQuery;
    expect(await failureOf(activities.lookupFacts({ run, query, now: '2026-03-02T10:00:00Z', nodeId: 'member', visit: 1 }))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'node "member" checks "acme.isMember", a custom condition this worker has not loaded: add its plugin to the worker (NUDGEFLOW_PLUGINS_DIR or NUDGEFLOW_PLUGINS) and restart it',
    });
  });
});
