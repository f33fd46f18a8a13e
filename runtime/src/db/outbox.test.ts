import type { FlowEvent } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestEvent } from './ingest-event';
import { claimOutbox, markDispatched, markFailed, outboxBacklog, purgeDispatched } from './outbox';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

const event = (id: string, email: string, type = 'product.viewed'): FlowEvent => ({ id, type, occurredAt: '2026-03-02T10:00:00Z', contact: { email } });
const ids = (items: { eventId: string }[]) => items.map((i) => i.eventId);
/** Makes leased or backed-off rows due again, as if the time had passed. */
const expireLeases = () => db.sql`update outbox set next_attempt_at = now() - interval '1 second' where dispatched_at is null`;

describe('outbox', () => {
  beforeEach(() => db.reset());

  it('hands out stored events with their contact, oldest first, and leases them', async () => {
    await ingestEvent(db.sql, event('e1', 'a@example.com', 'order.created'));
    await ingestEvent(db.sql, event('e2', 'b@example.com'));
    const claimed = await claimOutbox(db.sql, { limit: 10 });
    expect(claimed.map(({ eventId, attempts, event: e, contact }) => ({ eventId, attempts, type: e.type, email: contact.email }))).toEqual([
      { eventId: 'e1', attempts: 1, type: 'order.created', email: 'a@example.com' },
      { eventId: 'e2', attempts: 1, type: 'product.viewed', email: 'b@example.com' },
    ]);
    expect(await claimOutbox(db.sql, { limit: 10 })).toEqual([]);
    expect(await outboxBacklog(db.sql)).toEqual({ pending: 2, failing: 0, oldestAt: expect.any(String) });
    await markDispatched(db.sql, claimed.map((item) => item.id));
    await expireLeases();
    expect(await claimOutbox(db.sql, { limit: 10 })).toEqual([]);
    expect(await outboxBacklog(db.sql)).toEqual({ pending: 0, failing: 0 });
    expect(await purgeDispatched(db.sql, new Date(Date.now() - 60_000))).toBe(0);
    expect(await purgeDispatched(db.sql, new Date(Date.now() + 60_000))).toBe(2);
    expect(await db.sql`select count(*)::int as n from events`).toEqual([{ n: 2 }]);
  });

  it('two claimers at once get disjoint rows that together are all of them', async () => {
    for (let i = 0; i < 40; i++) await ingestEvent(db.sql, event(`e${i}`, `c${i}@example.com`));
    const other = db.connect(2);
    await other`select 1`;
    // The first claim's transaction stays open while the second claims: its rows are locked, not yet leased.
    const [a, b] = await db.sql.begin(async (tx) => {
      const first = await claimOutbox(tx, { limit: 25 });
      return [first, await claimOutbox(other, { limit: 25 })];
    });
    expect(a).toHaveLength(25);
    expect(b).toHaveLength(15);
    const all = [...ids(a ?? []), ...ids(b ?? [])];
    expect(all.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `e${i}`).sort());
  });

  it("releases one contact's events one at a time, in order", async () => {
    await ingestEvent(db.sql, event('created', 'ann@example.com', 'order.created'));
    await ingestEvent(db.sql, event('other', 'bob@example.com'));
    await ingestEvent(db.sql, event('paid', 'ann@example.com', 'order.paid'));
    const first = await claimOutbox(db.sql, { limit: 10 });
    expect(ids(first)).toEqual(['created', 'other']);
    // "paid" waits while "created" is out, even once its lease has run out.
    await expireLeases();
    const retry = await claimOutbox(db.sql, { limit: 10 });
    expect(ids(retry)).toEqual(['created', 'other']);
    await markDispatched(db.sql, retry[0]?.id ?? 0);
    expect(ids(await claimOutbox(db.sql, { limit: 10 }))).toEqual(['paid']);
  });

  it('backs off a failed row, and an abandoned one stops holding the contact back', async () => {
    await ingestEvent(db.sql, event('bad', 'ann@example.com'));
    await ingestEvent(db.sql, event('next', 'ann@example.com'));
    const [bad] = await claimOutbox(db.sql, { limit: 10 });
    await markFailed(db.sql, bad?.id ?? 0, 'Temporal unavailable');
    const [row] = await db.sql<{ delay: number; last_error: string }[]>`
      select round(extract(epoch from next_attempt_at - now()))::int as delay, last_error from outbox where event_id = 'bad'`;
    expect(row).toEqual({ delay: 2, last_error: 'Temporal unavailable' });
    expect(await claimOutbox(db.sql, { limit: 10 })).toEqual([]);
    expect(await outboxBacklog(db.sql)).toMatchObject({ pending: 2, failing: 1 });

    await expireLeases();
    const [again] = await claimOutbox(db.sql, { limit: 10 });
    expect(again).toMatchObject({ eventId: 'bad', attempts: 2 });
    await markFailed(db.sql, again?.id ?? 0, 'no such flow', { giveUp: true });
    expect(ids(await claimOutbox(db.sql, { limit: 10 }))).toEqual(['next']);
    expect(await db.sql`select last_error, abandoned_at is not null as abandoned from outbox where event_id = 'bad'`).toEqual([
      { last_error: 'no such flow', abandoned: true },
    ]);
  });
});
