import type { FlowEvent } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { getContact } from './contacts';
import { ingestEvent, ingestEvents } from './ingest-event';
import { hasPurchased } from './orders';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

const order = { id: 'o1', number: '1001', total: 990, currency: 'CZK', items: [{ sku: 'TEA', category: 'tea', quantity: 2, price: 495 }] };
const created = (id: string, extra: Partial<FlowEvent> = {}): FlowEvent => ({
  id,
  type: 'order.created',
  occurredAt: '2026-03-02T10:00:00Z',
  contact: { email: 'ann@example.com', firstName: 'Ann' },
  order,
  ...extra,
});

const rows = async () => {
  const [counts] = await db.sql<{ events: number; outbox: number; contacts: number; orders: number }[]>`
    select (select count(*)::int from events) as events, (select count(*)::int from outbox) as outbox,
           (select count(*)::int from contacts) as contacts, (select count(*)::int from orders) as orders`;
  return counts;
};

describe('ingestEvent', () => {
  beforeEach(() => db.reset());

  it('stores the contact, the order with its items, the event and one outbox row', async () => {
    const result = await ingestEvent(db.sql, created('e1'));
    expect(result).toEqual({ status: 'stored', eventId: 'e1', contactId: expect.stringMatching(/^ct_/) });
    expect(await rows()).toEqual({ events: 1, outbox: 1, contacts: 1, orders: 1 });
    expect(await getContact(db.sql, result.contactId)).toEqual({
      id: result.contactId,
      email: 'ann@example.com',
      firstName: 'Ann',
      tags: [],
      orderCount: 1,
      lastOrderAt: '2026-03-02T10:00:00Z',
    });
    const items = await db.sql`select order_id, position, sku, category, quantity, price from order_items`;
    expect(items).toEqual([{ order_id: 'o1', position: 0, sku: 'TEA', category: 'tea', quantity: 2, price: 495 }]);
  });

  it('a duplicate event id changes nothing: one event, one outbox row, the order counted once', async () => {
    const first = await ingestEvent(db.sql, created('e1'));
    const again = await ingestEvent(db.sql, created('e1', { contact: { email: 'ann@example.com', firstName: 'Changed' } }));
    expect(again).toEqual({ status: 'duplicate', eventId: 'e1', contactId: first.contactId });
    expect(await rows()).toEqual({ events: 1, outbox: 1, contacts: 1, orders: 1 });
    expect(await getContact(db.sql, first.contactId)).toMatchObject({ firstName: 'Ann', orderCount: 1 });
  });

  it('50 concurrent copies of one event store it once', async () => {
    const other = db.connect(10);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => ingestEvent(i % 2 ? other : db.sql, created('e1'))));
    expect(results.filter((r) => r.status === 'stored')).toHaveLength(1);
    expect(new Set(results.map((r) => r.contactId)).size).toBe(1);
    expect(await rows()).toEqual({ events: 1, outbox: 1, contacts: 1, orders: 1 });
    expect(await getContact(db.sql, results[0]?.contactId ?? '')).toMatchObject({ orderCount: 1 });
  });

  it('counts each order once even when the shop resends order.created under a new event id', async () => {
    const { contactId } = await ingestEvent(db.sql, created('e1'));
    await ingestEvent(db.sql, created('e2', { occurredAt: '2026-03-02T10:05:00Z' }));
    await ingestEvent(db.sql, created('e3', { occurredAt: '2026-03-03T09:00:00Z', order: { ...order, id: 'o2', number: '1002' } }));
    expect(await getContact(db.sql, contactId)).toMatchObject({ orderCount: 2, lastOrderAt: '2026-03-03T09:00:00Z' });
  });

  it('takes the counters from the event when the shop sends them', async () => {
    const { contactId } = await ingestEvent(db.sql, created('e1', { contact: { email: 'ann@example.com', orderCount: 12, lastOrderAt: '2026-03-01T00:00:00Z' } }));
    expect(await getContact(db.sql, contactId)).toMatchObject({ orderCount: 12, lastOrderAt: '2026-03-01T00:00:00Z' });
  });

  it('customer.login sets lastLoginAt', async () => {
    const login: FlowEvent = { id: 'l1', type: 'customer.login', occurredAt: '2026-03-04T08:00:00Z', contact: { externalId: 'E1' } };
    const { contactId } = await ingestEvent(db.sql, login);
    expect(await getContact(db.sql, contactId)).toEqual({ id: contactId, externalId: 'E1', tags: [], lastLoginAt: '2026-03-04T08:00:00Z' });
  });

  it('a later event about the order merges into it; order.cancelled stops it counting as a purchase', async () => {
    const { contactId } = await ingestEvent(db.sql, created('e1'));
    const paid: FlowEvent = {
      id: 'e2',
      type: 'order.paid',
      occurredAt: '2026-03-02T11:00:00Z',
      contact: { email: 'ann@example.com' },
      order: { id: 'o1', paymentStatus: 'paid', items: [] },
    };
    await ingestEvent(db.sql, paid);
    const [stored] = await db.sql`select payment_status, total, data from orders where id = 'o1'`;
    expect(stored).toEqual({ payment_status: 'paid', total: 990, data: { ...order, paymentStatus: 'paid' } });
    const now = new Date('2026-03-05T00:00:00Z');
    expect(await hasPurchased(db.sql, { contactId, skus: ['TEA'], categories: [], now })).toEqual({ matched: true, detail: 'order 1001' });
    await ingestEvent(db.sql, { ...paid, id: 'e3', type: 'order.cancelled', occurredAt: '2026-03-03T00:00:00Z', order: { id: 'o1', status: 'cancelled', items: [] } });
    expect(await hasPurchased(db.sql, { contactId, skus: ['TEA'], categories: [], now })).toEqual({ matched: false });
  });
});

describe('ingestEvents (a batch)', () => {
  beforeEach(() => db.reset());

  const viewed = (id: string, email: string, firstName?: string): FlowEvent => ({
    id,
    type: 'product.viewed',
    occurredAt: '2026-03-02T10:00:00Z',
    contact: { email, ...(firstName ? { firstName } : {}) },
  });

  it('stores the batch in order; an id repeated in it, or stored before, changes nothing', async () => {
    const before = await ingestEvent(db.sql, viewed('old', 'ann@example.com', 'Ann'));
    const results = await ingestEvents(db.sql, [
      viewed('a', 'bob@example.com'),
      viewed('old', 'ann@example.com', 'Changed'),
      viewed('b', 'ann@example.com'),
      viewed('a', 'bob@example.com'),
    ]);
    expect(results.map((r) => [r.eventId, r.status])).toEqual([
      ['a', 'stored'],
      ['old', 'duplicate'],
      ['b', 'stored'],
      ['a', 'duplicate'],
    ]);
    expect(results[1]?.contactId).toBe(before.contactId);
    expect(results[2]?.contactId).toBe(before.contactId);
    expect(results[3]?.contactId).toBe(results[0]?.contactId);
    expect(await getContact(db.sql, before.contactId)).toMatchObject({ firstName: 'Ann' });
    expect(await db.sql`select event_id from outbox order by id`).toEqual([{ event_id: 'old' }, { event_id: 'a' }, { event_id: 'b' }]);
  });

  it('batches touching the same contacts in opposite orders queue instead of deadlocking', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `c${i}@example.com`);
    const other = db.connect(2);
    const [forward, backward] = await Promise.all([
      ingestEvents(db.sql, emails.map((e, i) => viewed(`f${i}`, e))),
      ingestEvents(other, [...emails].reverse().map((e, i) => viewed(`b${i}`, e))),
    ]);
    expect([...forward, ...backward].every((r) => r.status === 'stored')).toBe(true);
    expect(await rows()).toMatchObject({ events: 40, outbox: 40, contacts: 20 });
  });

  it('retries a batch that deadlocks on contacts another batch found through other identifiers', async () => {
    const ann = await ingestEvent(db.sql, { ...viewed('ann', 'ann@example.com'), contact: { email: 'ann@example.com', phone: '+420111111111' } });
    const bob = await ingestEvent(db.sql, { ...viewed('bob', 'bob@example.com'), contact: { email: 'bob@example.com', phone: '+420222222222' } });
    const byPhone = (id: string, phone: string): FlowEvent => ({ id, type: 'product.viewed', occurredAt: '2026-03-02T10:00:00Z', contact: { phone } });
    // Hold both contact rows, so that each batch stops at its first contact; released together,
    // each then holds one row and waits for the other's: a deadlock Postgres breaks by failing one.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding: Promise<unknown> = Promise.resolve();
    await new Promise<void>((locked) => {
      holding = db.connect(1).begin(async (tx) => {
        await tx`select id from contacts where id in ${tx([ann.contactId, bob.contactId])} for update`;
        locked();
        await released;
      });
    });
    const other = db.connect(2);
    const batches = Promise.all([
      ingestEvents(db.sql, [viewed('e1', 'ann@example.com'), viewed('e2', 'bob@example.com')]),
      ingestEvents(other, [byPhone('p1', '+420222222222'), byPhone('p2', '+420111111111')]),
    ]);
    const waiting = async () => {
      const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      return row?.n;
    };
    while ((await waiting()) !== 2) await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await holding;
    const [byEmail, byPhoneResults] = await batches;
    expect(byEmail.map((r) => [r.eventId, r.status, r.contactId])).toEqual([
      ['e1', 'stored', ann.contactId],
      ['e2', 'stored', bob.contactId],
    ]);
    expect(byPhoneResults.map((r) => [r.eventId, r.status, r.contactId])).toEqual([
      ['p1', 'stored', bob.contactId],
      ['p2', 'stored', ann.contactId],
    ]);
    expect(await rows()).toMatchObject({ events: 6, outbox: 6, contacts: 2 });
  });
});
