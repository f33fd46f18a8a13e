import type { FactAnswer, Order } from '@nudgeflow/shared';
import { inTransaction, iso, jsonb, type Db, type Tx } from './client';

export interface StoredOrder {
  order: Order;
  contactId: string;
  /** When it was placed: the shop's createdAt, else when we first heard of it. */
  createdAt: string;
  cancelledAt?: string;
}

interface OrderRow {
  data: Order;
  contact_id: string;
  created_at: Date;
  cancelled_at: Date | null;
}

const toStored = (row: OrderRow): StoredOrder => ({
  order: row.data,
  contactId: row.contact_id,
  createdAt: iso(row.created_at),
  ...(row.cancelled_at ? { cancelledAt: iso(row.cancelled_at) } : {}),
});

/**
 * An order as a later event describes it, over what we had. Events about an order (paid, shipped)
 * often carry only some of its fields: those they carry win, attributes merge key by key, and an
 * empty item list (the schema's default when an event leaves items out) keeps the known items.
 */
export function mergeOrder(existing: Order, incoming: Order): Order {
  const defined = Object.fromEntries(Object.entries(incoming).filter(([, v]) => v !== undefined)) as Order;
  return {
    ...existing,
    ...defined,
    items: incoming.items.length > 0 ? incoming.items : existing.items,
    ...(existing.attributes || incoming.attributes ? { attributes: { ...existing.attributes, ...incoming.attributes } } : {}),
  };
}

async function writeItems(tx: Tx, order: Order, options: { replace: boolean }): Promise<void> {
  if (options.replace) await tx`delete from order_items where order_id = ${order.id}`;
  if (order.items.length === 0) return;
  const rows = order.items.map((item, position) => ({
    order_id: order.id,
    position,
    sku: item.sku,
    category: item.category ?? null,
    quantity: item.quantity,
    price: item.price ?? null,
    data: jsonb(tx, item),
  }));
  await tx`insert into order_items ${tx(rows)}`;
}

export interface UpsertOrderOptions {
  /** The contact of the event that brought it (the latest event's contact wins). */
  contactId: string;
  /** Stands in for createdAt when the shop sends none. */
  seenAt: string;
  /** An order.created event counted this order in its contact's orderCount. */
  counted?: boolean;
  /** An order.cancelled event: from now on the order is no purchase. */
  cancelledAt?: string;
}

/** Stores an order an event brought, merged into what is known about it (see mergeOrder). */
export async function upsertOrder(db: Db, order: Order, options: UpsertOrderOptions): Promise<{ order: Order; inserted: boolean }> {
  const counted = options.counted ? new Date() : null;
  const cancelled = options.cancelledAt ?? null;
  return inTransaction(db, async (tx) => {
    const columns = (o: Order) => ({
      number: o.number ?? null,
      status: o.status ?? null,
      payment_status: o.paymentStatus ?? null,
      total: o.total ?? null,
      currency: o.currency ?? null,
    });
    const [inserted] = await tx`
      insert into orders ${tx({
        id: order.id,
        contact_id: options.contactId,
        ...columns(order),
        created_at: order.createdAt ?? options.seenAt,
        counted_at: counted,
        cancelled_at: cancelled,
        data: jsonb(tx, order),
      })}
      on conflict (id) do nothing
      returning id`;
    if (inserted) {
      await writeItems(tx, order, { replace: false });
      return { order, inserted: true };
    }
    const [row] = await tx<{ data: Order }[]>`select data from orders where id = ${order.id} for update`;
    if (!row) throw new Error(`order ${order.id} vanished while being updated`);
    const merged = mergeOrder(row.data, order);
    await tx`
      update orders set ${tx({ contact_id: options.contactId, ...columns(merged), data: jsonb(tx, merged) })},
        created_at = coalesce(${order.createdAt ?? null}::timestamptz, created_at),
        counted_at = coalesce(counted_at, ${counted}),
        cancelled_at = coalesce(cancelled_at, ${cancelled}::timestamptz),
        updated_at = now()
      where id = ${order.id}`;
    if (order.items.length > 0) await writeItems(tx, merged, { replace: true });
    return { order: merged, inserted: false };
  });
}

/** Whether an order.created event already counted this order in its contact's orderCount. */
export async function isOrderCounted(db: Db, orderId: string): Promise<boolean> {
  const [row] = await db`select 1 from orders where id = ${orderId} and counted_at is not null`;
  return row !== undefined;
}

export async function getOrder(db: Db, id: string): Promise<StoredOrder | undefined> {
  const [row] = await db<OrderRow[]>`select data, contact_id, created_at, cancelled_at from orders where id = ${id}`;
  return row ? toStored(row) : undefined;
}

/** The stored ones of these orders, by id. */
export async function getOrders(db: Db, ids: string[]): Promise<Map<string, StoredOrder>> {
  if (ids.length === 0) return new Map();
  const rows = await db<(OrderRow & { id: string })[]>`select id, data, contact_id, created_at, cancelled_at from orders where id = any(${ids}::text[])`;
  return new Map(rows.map((row) => [row.id, toStored(row)]));
}

/** A contact's orders, newest first. */
export async function listOrdersOfContact(db: Db, contactId: string, limit = 50): Promise<StoredOrder[]> {
  const rows = await db<OrderRow[]>`
    select data, contact_id, created_at, cancelled_at from orders
    where contact_id = ${contactId} order by created_at desc, id desc limit ${limit}`;
  return rows.map(toStored);
}

export interface PurchaseQuery {
  contactId: string;
  /** Any of these SKUs or categories counts; both empty means any order counts. */
  skus: string[];
  categories: string[];
  /** Only orders placed in the last N days before `now`. */
  withinDays?: number;
  /** The run's own order: "bought again" means another order. */
  excludeOrderId?: string;
  now: Date;
}

/**
 * condition.hasPurchased against the real order history: the contact's latest order placed by
 * `now` (inside the window) that has a matching line. Cancelled orders are not purchases.
 */
export async function hasPurchased(db: Db, query: PurchaseQuery): Promise<FactAnswer> {
  const anything = query.skus.length === 0 && query.categories.length === 0;
  const since = query.withinDays === undefined ? null : new Date(query.now.getTime() - query.withinDays * 86_400_000);
  const [found] = await db<{ id: string; number: string | null }[]>`
    select o.id, o.number from orders o
    where o.contact_id = ${query.contactId}
      and o.cancelled_at is null
      and o.created_at <= ${query.now}
      and (${since}::timestamptz is null or o.created_at >= ${since})
      and (${query.excludeOrderId ?? null}::text is null or o.id <> ${query.excludeOrderId ?? null})
      and (${anything} or exists (
        select 1 from order_items i
        where i.order_id = o.id and (i.sku = any(${query.skus}::text[]) or i.category = any(${query.categories}::text[]))))
    order by o.created_at desc, o.id desc
    limit 1`;
  return found ? { matched: true, detail: `order ${found.number ?? found.id}` } : { matched: false };
}
