import type { Order } from '@nudgeflow/shared';
import type { Tx } from './client';
import { mergeOrder, type UpsertOrderOptions } from './orders';

/** One order to store with what its event says about it: upsertOrder's arguments. */
export interface OrderWrite {
  order: Order;
  options: UpsertOrderOptions;
}

/** Array parameters go as text and are cast in SQL: one way for numbers, times and JSON alike. */
const text = (value: string | number | null | undefined): string | null => (value === undefined || value === null ? null : String(value));

/** Item rows as unnest() arguments, for inserting `orders`' item lists. */
function itemRows(tx: Tx, orders: Order[]) {
  const items = orders.flatMap((order) => order.items.map((item, position) => ({ order, item, position })));
  return tx`unnest(
      ${items.map((i) => i.order.id)}::text[], ${items.map((i) => String(i.position))}::text[], ${items.map((i) => i.item.sku)}::text[],
      ${items.map((i) => text(i.item.category))}::text[], ${items.map((i) => String(i.item.quantity))}::text[],
      ${items.map((i) => text(i.item.price))}::text[], ${items.map((i) => JSON.stringify(i.item))}::text[]
    ) as i(order_id, position, sku, category, quantity, price, data)`;
}

/**
 * The first half of upsertOrder for many orders (ids all different), in one statement: the ones
 * not stored yet are inserted with their items. Resolves to their ids; mergeStoredOrders does
 * the others.
 */
export async function insertNewOrders(tx: Tx, writes: OrderWrite[], countedAt: string): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const inserted = await tx<{ id: string }[]>`
    with inserted as (
      insert into orders (id, contact_id, number, status, payment_status, total, currency, created_at, counted_at, cancelled_at, data)
      select id, contact_id, number, status, payment_status, total::numeric, currency, created_at::timestamptz, counted_at::timestamptz, cancelled_at::timestamptz, data::jsonb
      from unnest(
        ${writes.map((w) => w.order.id)}::text[], ${writes.map((w) => w.options.contactId)}::text[], ${writes.map((w) => text(w.order.number))}::text[],
        ${writes.map((w) => text(w.order.status))}::text[], ${writes.map((w) => text(w.order.paymentStatus))}::text[], ${writes.map((w) => text(w.order.total))}::text[],
        ${writes.map((w) => text(w.order.currency))}::text[], ${writes.map((w) => w.order.createdAt ?? w.options.seenAt)}::text[],
        ${writes.map((w) => (w.options.counted ? countedAt : null))}::text[], ${writes.map((w) => text(w.options.cancelledAt))}::text[],
        ${writes.map((w) => JSON.stringify(w.order))}::text[]
      ) as v(id, contact_id, number, status, payment_status, total, currency, created_at, counted_at, cancelled_at, data)
      on conflict (id) do nothing
      returning id
    ),
    items as (
      insert into order_items (order_id, position, sku, category, quantity, price, data)
      select i.order_id, i.position::integer, i.sku, i.category, i.quantity::integer, i.price::numeric, i.data::jsonb
      from ${itemRows(tx, writes.map((w) => w.order))}
      where i.order_id in (select id from inserted)
    )
    select id from inserted`;
  return new Set(inserted.map((r) => r.id));
}

/**
 * The second half of upsertOrder for many orders: each is merged into the stored one
 * (mergeOrder) under a row lock, and an event that brings a new item list replaces the stored one.
 */
export async function mergeStoredOrders(tx: Tx, writes: OrderWrite[], countedAt: string): Promise<void> {
  if (writes.length === 0) return;
  const stored = await tx<{ id: string; data: Order }[]>`select id, data from orders where id = any(${writes.map((w) => w.order.id)}::text[]) for update`;
  const storedById = new Map(stored.map((r) => [r.id, r.data]));
  const merged = writes.map((w) => {
    const existing = storedById.get(w.order.id);
    if (!existing) throw new Error(`order ${w.order.id} vanished while being updated`);
    return { write: w, order: mergeOrder(existing, w.order) };
  });
  await tx`
    update orders o set
      contact_id = v.contact_id, number = v.number, status = v.status, payment_status = v.payment_status, total = v.total::numeric,
      currency = v.currency, data = v.data::jsonb,
      created_at = coalesce(v.created_at::timestamptz, o.created_at),
      counted_at = coalesce(o.counted_at, v.counted_at::timestamptz),
      cancelled_at = coalesce(o.cancelled_at, v.cancelled_at::timestamptz),
      updated_at = now()
    from unnest(
      ${merged.map((m) => m.order.id)}::text[], ${merged.map((m) => m.write.options.contactId)}::text[], ${merged.map((m) => text(m.order.number))}::text[],
      ${merged.map((m) => text(m.order.status))}::text[], ${merged.map((m) => text(m.order.paymentStatus))}::text[], ${merged.map((m) => text(m.order.total))}::text[],
      ${merged.map((m) => text(m.order.currency))}::text[], ${merged.map((m) => JSON.stringify(m.order))}::text[], ${merged.map((m) => text(m.write.order.createdAt))}::text[],
      ${merged.map((m) => (m.write.options.counted ? countedAt : null))}::text[], ${merged.map((m) => text(m.write.options.cancelledAt))}::text[]
    ) as v(id, contact_id, number, status, payment_status, total, currency, data, created_at, counted_at, cancelled_at)
    where o.id = v.id`;
  const replaced = merged.filter((m) => m.write.order.items.length > 0).map((m) => m.order);
  if (replaced.length === 0) return;
  await tx`delete from order_items where order_id = any(${replaced.map((o) => o.id)}::text[])`;
  await tx`
    insert into order_items (order_id, position, sku, category, quantity, price, data)
    select i.order_id, i.position::integer, i.sku, i.category, i.quantity::integer, i.price::numeric, i.data::jsonb
    from ${itemRows(tx, replaced)}`;
}
