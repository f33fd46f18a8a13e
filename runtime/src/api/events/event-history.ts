import type { FlowEvent } from '@nudgeflow/shared';
import { beforePosition, iso, pageOf, positionTime, type Db, type ListPosition, type StoredEvent } from '../../db';
import { toApiPage, type Page } from '../pagination';

interface HistoryRow {
  id: string;
  data: FlowEvent;
  contact_id: string;
  order_id: string | null;
  received_at: Date;
  position_at: string;
}

/** One page of a contact's or an order's events, newest first by when they happened. */
export async function eventHistory(
  db: Db,
  of: { contactId: string } | { orderId: string },
  limit: number,
  before?: ListPosition,
): Promise<Page<StoredEvent>> {
  const rows = await db<HistoryRow[]>`
    select id, data, contact_id, order_id, received_at, ${positionTime(db, 'occurred_at')}
    from events
    where ${'contactId' in of ? db`contact_id = ${of.contactId}` : db`order_id = ${of.orderId}`}
      ${beforePosition(db, 'occurred_at', before)}
    order by occurred_at desc, id desc
    limit ${limit + 1}`;
  return toApiPage(
    pageOf(rows, limit, (row) => ({
      event: row.data,
      contactId: row.contact_id,
      ...(row.order_id !== null ? { orderId: row.order_id } : {}),
      receivedAt: iso(row.received_at),
    })),
  );
}
