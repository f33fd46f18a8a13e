import type { FlowEvent } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { getContact, getOrder } from '../../db';
import { chainsOf } from '../../db/event-chains';
import { useTestApi } from '../test-api';
import { groupsOf } from './ingest-batch';

const api = useTestApi();

const event = (id: string, extra: Partial<FlowEvent> = {}): FlowEvent => ({
  id,
  type: 'order.created',
  occurredAt: '2026-03-02T10:00:00Z',
  contact: { email: 'ann@example.com', firstName: 'Ann' },
  order: { id: 'o1', number: '1001', total: 990, currency: 'CZK', items: [{ sku: 'TEA', quantity: 2 }] },
  ...extra,
});

const post = (body: unknown, as: 'shop' | 'admin' | 'anonymous' = 'shop') => api.request('POST', '/api/events', { body, as });

const counts = async () => {
  const [row] = await api.db.sql<{ events: number; outbox: number; contacts: number }[]>`
    select (select count(*)::int from events) as events, (select count(*)::int from outbox) as outbox, (select count(*)::int from contacts) as contacts`;
  return row;
};

describe('POST /api/events', () => {
  it('stores one event with its contact and order, answers 202 and wakes the dispatcher', async () => {
    const res = await post(event('e1'));
    expect(res).toEqual({
      status: 202,
      body: { accepted: 1, duplicates: 0, results: [{ id: 'e1', status: 'accepted', contactId: expect.stringMatching(/^ct_/) }] },
    });
    expect(api.calls.accepted).toBe(1);
    expect(await counts()).toEqual({ events: 1, outbox: 1, contacts: 1 });
    const contactId = res.body.results[0].contactId as string;
    expect(await getContact(api.db.sql, contactId)).toMatchObject({ email: 'ann@example.com', firstName: 'Ann', orderCount: 1 });
    expect((await getOrder(api.db.sql, 'o1'))?.order).toMatchObject({ number: '1001', items: [{ sku: 'TEA', quantity: 2 }] });
  });

  it('takes a bare array and { events } alike', async () => {
    expect((await post([event('a1'), event('a2', { type: 'order.paid' })])).body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await post({ events: [event('b1', { type: 'order.shipped' })] })).body).toMatchObject({ accepted: 1, results: [{ id: 'b1', status: 'accepted' }] });
    expect(await counts()).toEqual({ events: 3, outbox: 3, contacts: 1 });
  });

  it('stores an event id once: a resend, and a repeat inside one batch, are reported as duplicates', async () => {
    await post(event('e1'));
    const again = await post([event('e1', { contact: { email: 'someone-else@example.com' } }), event('e2'), event('e2')]);
    expect(again.status).toBe(202);
    expect(again.body.accepted).toBe(1);
    expect(again.body.duplicates).toBe(2);
    expect(again.body.results.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['e1', 'duplicate'],
      ['e2', 'accepted'],
      ['e2', 'duplicate'],
    ]);
    expect(await counts()).toEqual({ events: 2, outbox: 2, contacts: 1 });
    expect(api.calls.accepted).toBe(2);

    await post(event('e1'));
    expect(api.calls.accepted).toBe(2);
  });

  it('refuses a batch with invalid events whole, naming every bad field by index, and stores nothing', async () => {
    const bad = [event('ok'), event('x1', { occurredAt: 'yesterday' }), event('ok2'), { ...event('x2'), contact: {} }, { id: 'x3' }];
    const res = await post({ events: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toMatch(/^3 events are invalid, so nothing was stored; fix and send the batch again \(invalid events: events\.1\.occurredAt: /);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'events.1.occurredAt',
      'events.3.contact',
      'events.4.type',
      'events.4.occurredAt',
      'events.4.contact',
    ]);
    expect(res.body.error.details[1].message).toBe('a contact needs one of id, externalId, email or phone');
    expect(await counts()).toEqual({ events: 0, outbox: 0, contacts: 0 });
    expect(api.calls.accepted).toBe(0);

    const single = await post({ ...event('s'), type: 'Order Paid' });
    expect(single.body.error.details).toEqual([{ path: 'events.0.type', message: 'an event name looks like "order.paid": lower-case words joined by dots' }]);
  });

  it('refuses an empty batch and one over 1,000 events', async () => {
    expect((await post([])).body.error.details).toEqual([{ path: 'events', message: 'send at least one event' }]);
    const tooMany = await post(Array.from({ length: 1001 }, (_, i) => event(`e${i}`)));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details).toEqual([{ path: 'events', message: 'a batch holds at most 1,000 events; split it into several requests' }]);
  });

  it('stores a batch of 1,000 events, one contact each, and answers each in order', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) =>
      event(`e${i}`, { contact: { externalId: `cust-${i}`, email: `c${i}@example.com` }, order: { id: `o${i}`, items: [] } }),
    );
    const res = await post(batch);
    expect(res.status).toBe(202);
    expect(res.body.accepted).toBe(1000);
    expect(res.body.results.map((r: { id: string }) => r.id)).toEqual(batch.map((e) => e.id));
    expect(await counts()).toEqual({ events: 1000, outbox: 1000, contacts: 1000 });
    expect(api.calls.accepted).toBe(1);
    // One commit per event is what made large batches slow: many events share a transaction now.
    const [stored] = await api.db.sql<{ transactions: number }[]>`select count(distinct xmin::text)::int as transactions from events`;
    expect(stored?.transactions).toBe(8);
  });

  it("keeps one person's events in batch order, so dispatch sees them in that order", async () => {
    const batch = [
      event('created-1', { contact: { email: 'ann@example.com' }, order: { id: 'o1', items: [] } }),
      event('created-2', { contact: { email: 'bob@example.com' }, order: { id: 'o2', items: [] } }),
      event('paid-1', { type: 'order.paid', contact: { email: 'ANN@example.com' }, order: { id: 'o1', items: [] } }),
      event('paid-2', { type: 'order.paid', contact: { email: 'bob@example.com' }, order: { id: 'o2', items: [] } }),
    ];
    await post(batch);
    const rows = await api.db.sql<{ event_id: string }[]>`select event_id from outbox order by id`;
    const order = rows.map((r) => r.event_id);
    expect(order.indexOf('created-1')).toBeLessThan(order.indexOf('paid-1'));
    expect(order.indexOf('created-2')).toBeLessThan(order.indexOf('paid-2'));
  });

  it('needs the ingestion key; the admin token is not accepted', async () => {
    const admin = await post(event('e1'), 'admin');
    expect(admin.status).toBe(401);
    expect(admin.body.error.message).toBe('send the ingestion key in the "X-Api-Key" header');
    expect((await post(event('e1'), 'anonymous')).status).toBe(401);
    expect(await counts()).toEqual({ events: 0, outbox: 0, contacts: 0 });
  });
});

describe('chainsOf', () => {
  it('chains events that share a contact identifier, an order or an event id, keeping batch order', () => {
    const chains = chainsOf([
      event('a', { contact: { email: 'ann@example.com' }, order: undefined }),
      event('b', { contact: { phone: '+420 777 000 111' }, order: undefined }),
      event('c', { contact: { email: 'Ann@Example.com', phone: '+420777000111' }, order: undefined }),
      event('d', { contact: { externalId: 'x' }, order: { id: 'o9', items: [] } }),
      event('e', { contact: { externalId: 'y' }, order: { id: 'o9', items: [] } }),
      event('f', { contact: { id: 'ct_1' }, order: undefined }),
      event('f', { contact: { id: 'ct_2' }, order: undefined }),
      event('g', { contact: { id: 'ct_3' }, order: undefined }),
    ]);
    expect(chains).toEqual([[0, 1, 2], [3, 4], [5, 6], [7]]);
  });
});

describe('groupsOf', () => {
  it('packs whole chains into groups of at least the size, each in batch order', () => {
    expect(groupsOf([[0, 3, 5], [1], [2, 4], [6], [7]], 3)).toEqual([
      [0, 3, 5],
      [1, 2, 4],
      [6, 7],
    ]);
    expect(groupsOf([[0, 1, 2, 3, 4]], 2)).toEqual([[0, 1, 2, 3, 4]]);
  });
});
