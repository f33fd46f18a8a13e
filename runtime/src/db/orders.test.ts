import type { Order } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveContact } from './contacts';
import { getOrder, getOrders, hasPurchased, listOrdersOfContact, mergeOrder, upsertOrder, type PurchaseQuery } from './orders';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

const order = (id: string, createdAt: string, items: Order['items'], extra: Partial<Order> = {}): Order => ({ id, number: `#${id}`, createdAt, items, ...extra });
const item = (sku: string, category?: string) => ({ sku, quantity: 1, ...(category ? { category } : {}) });

describe('orders', () => {
  beforeEach(async () => {
    await db.reset();
    for (const id of ['ann', 'bob']) await db.sql.begin((tx) => resolveContact(tx, { id }));
  });

  it('merges a partial later description of an order into the stored one', async () => {
    await upsertOrder(db.sql, order('o1', '2026-03-01T10:00:00Z', [item('TEA', 'tea')], { total: 10, attributes: { gift: true } }), {
      contactId: 'ann',
      seenAt: '2026-03-01T10:00:01Z',
    });
    const result = await upsertOrder(db.sql, { id: 'o1', paymentStatus: 'paid', items: [], attributes: { note: 'x' } }, { contactId: 'ann', seenAt: '2026-03-01T12:00:00Z' });
    const expected = order('o1', '2026-03-01T10:00:00Z', [item('TEA', 'tea')], { total: 10, paymentStatus: 'paid', attributes: { gift: true, note: 'x' } });
    expect(result).toEqual({ inserted: false, order: expected });
    expect(await getOrder(db.sql, 'o1')).toEqual({ order: expected, contactId: 'ann', createdAt: '2026-03-01T10:00:00.000Z' });
  });

  it('reads many orders at once, the unknown ones left out', async () => {
    await upsertOrder(db.sql, order('o1', '2026-03-01T10:00:00Z', [item('TEA')]), { contactId: 'ann', seenAt: '2026-03-01T10:00:00Z' });
    await upsertOrder(db.sql, order('o2', '2026-03-02T10:00:00Z', []), { contactId: 'bob', seenAt: '2026-03-02T10:00:00Z' });
    const found = await getOrders(db.sql, ['o2', 'nope', 'o1']);
    expect(Object.fromEntries(found)).toEqual({ o1: await getOrder(db.sql, 'o1'), o2: await getOrder(db.sql, 'o2') });
    expect((await getOrders(db.sql, [])).size).toBe(0);
  });

  it('uses when it was first seen when the shop gives no createdAt', async () => {
    await upsertOrder(db.sql, { id: 'o1', items: [] }, { contactId: 'ann', seenAt: '2026-03-01T10:00:00Z' });
    await upsertOrder(db.sql, { id: 'o1', items: [] }, { contactId: 'ann', seenAt: '2026-03-05T10:00:00Z' });
    expect(await getOrder(db.sql, 'o1')).toMatchObject({ createdAt: '2026-03-01T10:00:00.000Z' });
  });

  it('replaces the item rows when an event brings a new item list', async () => {
    await upsertOrder(db.sql, order('o1', '2026-03-01T10:00:00Z', [item('A'), item('B')]), { contactId: 'ann', seenAt: '2026-03-01T10:00:00Z' });
    await upsertOrder(db.sql, order('o1', '2026-03-01T10:00:00Z', [item('C')]), { contactId: 'ann', seenAt: '2026-03-01T10:00:00Z' });
    expect(await db.sql`select position, sku from order_items where order_id = 'o1'`).toEqual([{ position: 0, sku: 'C' }]);
    expect(mergeOrder(order('o1', '2026-03-01T10:00:00Z', [item('A')]), { id: 'o1', items: [] }).items).toEqual([item('A')]);
  });

  describe('hasPurchased', () => {
    const now = new Date('2026-03-31T00:00:00Z');
    const ask = (q: Partial<PurchaseQuery>) => hasPurchased(db.sql, { contactId: 'ann', skus: [], categories: [], now, ...q });

    beforeEach(async () => {
      const seen = { contactId: 'ann', seenAt: '2026-01-01T00:00:00Z' };
      await upsertOrder(db.sql, order('jan', '2026-01-10T00:00:00Z', [item('TEA', 'tea')]), seen);
      await upsertOrder(db.sql, order('mar', '2026-03-20T00:00:00Z', [item('MUG', 'ceramics')]), seen);
      await upsertOrder(db.sql, order('future', '2026-04-02T00:00:00Z', [item('TEA', 'tea')]), seen);
      await upsertOrder(db.sql, order('bobs', '2026-03-25T00:00:00Z', [item('TEA', 'tea')]), { ...seen, contactId: 'bob' });
    });

    it('matches by SKU or category and names the latest matching order', async () => {
      expect(await ask({ skus: ['TEA'] })).toEqual({ matched: true, detail: 'order #jan' });
      expect(await ask({ categories: ['ceramics'] })).toEqual({ matched: true, detail: 'order #mar' });
      expect(await ask({ skus: ['TEA'], categories: ['ceramics'] })).toEqual({ matched: true, detail: 'order #mar' });
      expect(await ask({})).toEqual({ matched: true, detail: 'order #mar' });
      expect(await ask({ skus: ['NOPE'], categories: ['nope'] })).toEqual({ matched: false });
    });

    it('honours the window: only orders within N days before now, never after now', async () => {
      expect(await ask({ skus: ['TEA'], withinDays: 30 })).toEqual({ matched: false });
      expect(await ask({ skus: ['TEA'], withinDays: 80 })).toEqual({ matched: true, detail: 'order #jan' });
      expect(await ask({ skus: ['MUG'], withinDays: 11 })).toEqual({ matched: true, detail: 'order #mar' });
      expect(await ask({ skus: ['MUG'], withinDays: 10 })).toEqual({ matched: false });
    });

    it('leaves out the excluded order (the run’s own) and cancelled ones', async () => {
      expect(await ask({ categories: ['ceramics'], excludeOrderId: 'mar' })).toEqual({ matched: false });
      expect(await ask({ excludeOrderId: 'mar' })).toEqual({ matched: true, detail: 'order #jan' });
      await upsertOrder(db.sql, { id: 'jan', items: [] }, { contactId: 'ann', seenAt: '2026-01-11T00:00:00Z', cancelledAt: '2026-01-11T00:00:00Z' });
      expect(await ask({ skus: ['TEA'] })).toEqual({ matched: false });
    });

    it("lists a contact's orders newest first", async () => {
      expect((await listOrdersOfContact(db.sql, 'ann')).map((o) => o.order.id)).toEqual(['future', 'mar', 'jan']);
    });
  });
});
