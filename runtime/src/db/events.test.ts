import type { FlowEvent } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { findEngagement, getEvent, listEvents, storeEvent, storeUnroutedEvent } from './events';
import { ingestEvent } from './ingest-event';
import { insertMessage } from './messages';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

const event = (id: string, type: string, occurredAt: string, data?: Record<string, unknown>): FlowEvent => ({
  id,
  type,
  occurredAt,
  contact: { id: 'ann' },
  ...(data ? { data } : {}),
});

describe('events', () => {
  beforeEach(() => db.reset());

  it('storeEvent inserts the event and its outbox row once', async () => {
    await ingestEvent(db.sql, event('seed', 'customer.registered', '2026-03-01T00:00:00Z'));
    const e = event('e1', 'product.viewed', '2026-03-02T00:00:00Z');
    expect(await db.sql.begin((tx) => storeEvent(tx, e, 'ann'))).toBe('inserted');
    expect(await db.sql.begin((tx) => storeEvent(tx, e, 'ann'))).toBe('duplicate');
    expect(await db.sql`select event_id from outbox where event_id = 'e1'`).toEqual([{ event_id: 'e1' }]);
    expect(await getEvent(db.sql, 'e1')).toEqual({ event: e, contactId: 'ann', receivedAt: expect.any(String) });
  });

  it('storeUnroutedEvent keeps the event once, without an outbox row', async () => {
    await ingestEvent(db.sql, event('seed', 'customer.registered', '2026-03-01T00:00:00Z'));
    const e = event('scan', 'email.clicked', '2026-03-02T00:00:00Z', { nodeId: 'mail', machine: true });
    expect(await storeUnroutedEvent(db.sql, e, 'ann')).toBe('inserted');
    expect(await storeUnroutedEvent(db.sql, e, 'ann')).toBe('duplicate');
    expect(await getEvent(db.sql, 'scan')).toEqual({ event: e, contactId: 'ann', receivedAt: expect.any(String) });
    expect(await db.sql`select event_id from outbox order by id`).toEqual([{ event_id: 'seed' }]);
  });

  it("lists a contact's or an order's events, newest first", async () => {
    await ingestEvent(db.sql, event('a', 'customer.login', '2026-03-01T00:00:00Z'));
    await ingestEvent(db.sql, { ...event('b', 'order.created', '2026-03-02T00:00:00Z'), order: { id: 'o1', items: [] } });
    await ingestEvent(db.sql, event('c', 'customer.login', '2026-03-03T00:00:00Z'));
    expect((await listEvents(db.sql, { contactId: 'ann' })).map((s) => s.event.id)).toEqual(['c', 'b', 'a']);
    expect((await listEvents(db.sql, { orderId: 'o1' })).map((s) => [s.event.id, s.orderId])).toEqual([['b', 'o1']]);
    expect((await listEvents(db.sql, { type: 'customer.login', limit: 1 })).map((s) => s.event.id)).toEqual(['c']);
  });

  it('finds an open of a message from the node, after it was sent and within the window', async () => {
    await ingestEvent(db.sql, event('seed', 'customer.registered', '2026-03-01T00:00:00Z'));
    await insertMessage(db.sql, {
      idempotencyKey: 'k',
      contactId: 'ann',
      flowId: 'f1',
      nodeId: 'mail',
      channel: 'email',
      marketing: true,
      status: 'sent',
      sentAt: '2026-03-02T10:00:00Z',
    });
    await ingestEvent(db.sql, event('before', 'email.opened', '2026-03-02T09:00:00Z', { nodeId: 'mail' }));
    await ingestEvent(db.sql, event('other', 'email.opened', '2026-03-02T10:30:00Z', { nodeId: 'another' }));
    const ask = (withinSeconds?: number, now = '2026-03-05T00:00:00Z') =>
      findEngagement(db.sql, { contactId: 'ann', flowId: 'f1', nodeId: 'mail', action: 'opened', now: new Date(now), ...(withinSeconds ? { withinSeconds } : {}) });
    expect(await ask()).toEqual({ matched: false });
    await ingestEvent(db.sql, event('open', 'email.opened', '2026-03-02T12:00:00Z', { nodeId: 'mail' }));
    expect(await ask()).toEqual({ matched: true, detail: 'email.opened at 2026-03-02T12:00:00.000Z' });
    expect(await ask(3600)).toEqual({ matched: false });
    expect(await ask(7200)).toEqual({ matched: true, detail: 'email.opened at 2026-03-02T12:00:00.000Z' });
    expect(await ask(undefined, '2026-03-02T11:00:00Z')).toEqual({ matched: false });
  });

  it("does not count machines' opens and clicks (link scanners, prefetches)", async () => {
    await ingestEvent(db.sql, event('seed', 'customer.registered', '2026-03-01T00:00:00Z'));
    await insertMessage(db.sql, { idempotencyKey: 'k', contactId: 'ann', flowId: 'f1', nodeId: 'mail', channel: 'email', marketing: true, status: 'sent', sentAt: '2026-03-02T10:00:00Z' });
    const ask = (action: 'opened' | 'clicked') => findEngagement(db.sql, { contactId: 'ann', flowId: 'f1', nodeId: 'mail', action, now: new Date('2026-03-05T00:00:00Z') });
    await storeUnroutedEvent(db.sql, event('scan', 'email.clicked', '2026-03-02T10:00:01Z', { nodeId: 'mail', flowId: 'f1', machine: true, machineReason: 'clicked within 10 s of sending' }), 'ann');
    await ingestEvent(db.sql, event('prefetch', 'email.opened', '2026-03-02T10:00:05Z', { nodeId: 'mail', machine: true }));
    expect([await ask('clicked'), await ask('opened')]).toEqual([{ matched: false }, { matched: false }]);
    await ingestEvent(db.sql, event('click', 'email.clicked', '2026-03-02T15:00:00Z', { nodeId: 'mail', flowId: 'f1', machine: false }));
    await ingestEvent(db.sql, event('open', 'email.opened', '2026-03-02T14:00:00Z', { nodeId: 'mail' }));
    expect([await ask('clicked'), await ask('opened')]).toEqual([
      { matched: true, detail: 'email.clicked at 2026-03-02T15:00:00.000Z' },
      { matched: true, detail: 'email.opened at 2026-03-02T14:00:00.000Z' },
    ]);
  });

  it('counts only messages of the same flow: another flow may have a node with the same id', async () => {
    await ingestEvent(db.sql, event('seed', 'customer.registered', '2026-03-01T00:00:00Z'));
    const sent = (flowId: string) =>
      insertMessage(db.sql, { idempotencyKey: flowId, contactId: 'ann', flowId, nodeId: 'mail', channel: 'email', marketing: true, status: 'sent', sentAt: '2026-03-02T10:00:00Z' });
    const ask = (flowId: string) => findEngagement(db.sql, { contactId: 'ann', flowId, nodeId: 'mail', action: 'opened', now: new Date('2026-03-05T00:00:00Z') });
    await sent('f2');
    await ingestEvent(db.sql, event('open-f2', 'email.opened', '2026-03-02T12:00:00Z', { nodeId: 'mail', flowId: 'f2' }));
    expect(await ask('f1')).toEqual({ matched: false });
    await sent('f1');
    expect(await ask('f1')).toEqual({ matched: false });
    expect(await ask('f2')).toEqual({ matched: true, detail: 'email.opened at 2026-03-02T12:00:00.000Z' });
    await ingestEvent(db.sql, event('open-any', 'email.opened', '2026-03-02T13:00:00Z', { nodeId: 'mail' }));
    expect(await ask('f1')).toEqual({ matched: true, detail: 'email.opened at 2026-03-02T13:00:00.000Z' });
  });
});
