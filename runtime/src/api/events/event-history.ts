import type { FlowEvent } from '@nudgeflow/shared';
import { iso, type Db, type StoredEvent } from '../../db';
import { CURSOR_TIME_FORMAT, toPage, type Page, type PagePosition } from '../pagination';

interface HistoryRow {
  id: string;
  data: FlowEvent;
  contact_id: string;
  order_id: string | null;
  received_at: Date;
  at: string;
}

/** One page of a contact's or an order's events, newest first by when they happened. */
export async function eventHistory(
  db: Db,
  of: { contactId: string } | { orderId: string },
  limit: number,
  before?: PagePosition,
): Promise<Page<StoredEvent>> {
  const rows = await db<HistoryRow[]>`
    select id, data, contact_id, order_id, received_at, to_char(occurred_at at time zone 'UTC', ${CURSOR_TIME_FORMAT}) as at
    from events
    where ${'contactId' in of ? db`contact_id = ${of.contactId}` : db`order_id = ${of.orderId}`}
      ${before ? db`and (occurred_at, id) < (${before.at}::text::timestamptz, ${before.id})` : db``}
    order by occurred_at desc, id desc
    limit ${limit + 1}`;
  const page = await toPage(rows, limit, (row) => ({ at: row.at, id: row.id }));
  return {
    ...page,
    items: page.items.map((row) => ({
      event: row.data,
      contactId: row.contact_id,
      ...(row.order_id !== null ? { orderId: row.order_id } : {}),
      receivedAt: iso(row.received_at),
    })),
  };
}
