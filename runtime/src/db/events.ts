import type { FlowEvent } from '@nudgeflow/shared';
import { iso, jsonb, type Db, type Tx } from './client';

export interface StoredEvent {
  event: FlowEvent;
  contactId: string;
  orderId?: string;
  receivedAt: string;
}

interface EventRow {
  data: FlowEvent;
  contact_id: string;
  order_id: string | null;
  received_at: Date;
}

const toStored = (row: EventRow): StoredEvent => ({
  event: row.data,
  contactId: row.contact_id,
  ...(row.order_id ? { orderId: row.order_id } : {}),
  receivedAt: iso(row.received_at),
});

/**
 * Stores an event as received, with its outbox row, in the caller's transaction. The event id is
 * the idempotency key: a second event with the same id stores nothing and returns 'duplicate'.
 * The caller should then roll back, so that contact and order changes are not applied twice.
 * The event's order, if any, must already be stored (upsertOrder).
 */
export async function storeEvent(tx: Tx, event: FlowEvent, contactId: string): Promise<'inserted' | 'duplicate'> {
  const inserted = await tx`
    with stored as (
      insert into events (id, type, contact_id, order_id, occurred_at, data)
      values (${event.id}, ${event.type}, ${contactId}, ${event.order?.id ?? null}, ${event.occurredAt}, ${jsonb(tx, event)})
      on conflict (id) do nothing
      returning id
    )
    insert into outbox (event_id, contact_id) select id, ${contactId} from stored
    returning event_id`;
  return inserted.length > 0 ? 'inserted' : 'duplicate';
}

/**
 * Stores an event for the record only, without an outbox row: it reaches no flow (no trigger, no
 * wait) and changes nothing about the contact, which must exist. For what machines did with a
 * contact's email (api/tracking/machine-hit.ts). The same id twice stores it once.
 */
export async function storeUnroutedEvent(db: Db, event: FlowEvent, contactId: string): Promise<'inserted' | 'duplicate'> {
  const inserted = await db`
    insert into events (id, type, contact_id, order_id, occurred_at, data)
    values (${event.id}, ${event.type}, ${contactId}, ${event.order?.id ?? null}, ${event.occurredAt}, ${jsonb(db, event)})
    on conflict (id) do nothing
    returning id`;
  return inserted.length > 0 ? 'inserted' : 'duplicate';
}

export async function getEvent(db: Db, id: string): Promise<StoredEvent | undefined> {
  const [row] = await db<EventRow[]>`select data, contact_id, order_id, received_at from events where id = ${id}`;
  return row ? toStored(row) : undefined;
}

export interface EventFilter {
  contactId?: string;
  orderId?: string;
  type?: string;
  limit?: number;
}

/** Events newest first (by when they happened). */
export async function listEvents(db: Db, filter: EventFilter = {}): Promise<StoredEvent[]> {
  const rows = await db<EventRow[]>`
    select data, contact_id, order_id, received_at from events
    where true
      ${filter.contactId !== undefined ? db`and contact_id = ${filter.contactId}` : db``}
      ${filter.orderId !== undefined ? db`and order_id = ${filter.orderId}` : db``}
      ${filter.type !== undefined ? db`and type = ${filter.type}` : db``}
    order by occurred_at desc, id desc
    limit ${filter.limit ?? 100}`;
  return rows.map(toStored);
}

export interface EngagementQuery {
  contactId: string;
  /** The run's flow: node ids are unique within a flow only. */
  flowId: string;
  /** The node whose message was opened or clicked. */
  nodeId: string;
  action: 'opened' | 'clicked';
  /** Counts only when it happened within this many seconds after the message was sent. */
  withinSeconds?: number;
  now: Date;
}

/**
 * condition.engagement: an `email.opened` / `email.clicked` event whose data names the node
 * (data.nodeId), after a message from that node of the flow was sent to the contact, up to
 * `now`. An event that also names a flow (data.flowId) counts for that flow only. Machines'
 * opens and clicks (data.machine: true, e.g. link scanners) do not count.
 */
export async function findEngagement(db: Db, query: EngagementQuery): Promise<{ matched: boolean; detail?: string }> {
  const type = `email.${query.action}`;
  const [hit] = await db<{ occurred_at: Date }[]>`
    select e.occurred_at from events e
    where e.contact_id = ${query.contactId} and e.type = ${type}
      and e.data -> 'data' ->> 'nodeId' = ${query.nodeId}
      and coalesce(e.data -> 'data' ->> 'flowId', ${query.flowId}) = ${query.flowId}
      and (e.data -> 'data' -> 'machine') is distinct from 'true'::jsonb
      and e.occurred_at <= ${query.now}
      and exists (
        select 1 from messages m
        where m.contact_id = e.contact_id and m.flow_id = ${query.flowId} and m.node_id = ${query.nodeId} and m.sent_at is not null
          and e.occurred_at >= m.sent_at
          and (${query.withinSeconds ?? null}::integer is null or e.occurred_at <= m.sent_at + make_interval(secs => ${query.withinSeconds ?? null})))
    order by e.occurred_at limit 1`;
  return hit ? { matched: true, detail: `${type} at ${iso(hit.occurred_at)}` } : { matched: false };
}
