import type { Contact, FlowEvent } from '@nudgeflow/shared';
import { iso, type Db } from './client';

export interface OutboxItem {
  /** Outbox row id: pass it to markDispatched / markFailed. */
  id: number;
  eventId: string;
  contactId: string;
  /** Including this one. */
  attempts: number;
  /** The event as received. */
  event: FlowEvent;
  /** The contact as stored now (the event's fields merged in). */
  contact: Contact;
}

/** Retries back off 2, 4, 8 … seconds, up to this. */
export const MAX_RETRY_DELAY_SECONDS = 60;

/**
 * Takes up to `limit` events due for dispatch and leases them for `leaseSeconds` (a dispatcher
 * that dies leaves them to be claimed again after that). Concurrent claimers get disjoint rows.
 * One contact's events go out in order: only a contact's earliest pending row is claimable, so
 * "order.paid" never overtakes "order.created", even across dispatchers. Rows come back oldest
 * first.
 */
export async function claimOutbox(db: Db, options: { limit: number; leaseSeconds?: number }): Promise<OutboxItem[]> {
  // "Earliest pending row of its contact" is a scalar subquery, i.e. one index probe per row, so
  // no join order can go wrong while the queue's statistics are stale. `attempts >= 0` (always
  // true) matches outbox_due_idx's predicate: only the outer scan can use that index, the probe
  // has to use the per-contact one (see 001_init.sql).
  const rows = await db<{ id: number; event_id: string; contact_id: string; attempts: number; event: FlowEvent; contact: Contact }[]>`
    with claimable as (
      select o.id from outbox o
      where o.dispatched_at is null and o.abandoned_at is null and o.attempts >= 0 and o.next_attempt_at <= now()
        and o.id = (
          select min(first.id) from outbox first
          where first.contact_id = o.contact_id and first.dispatched_at is null and first.abandoned_at is null)
      order by o.id
      limit ${options.limit}
      for update of o skip locked
    )
    update outbox o
    set attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => ${options.leaseSeconds ?? 30})
    from claimable, events e, contacts c
    where o.id = claimable.id and e.id = o.event_id and c.id = o.contact_id
    returning o.id, o.event_id, o.contact_id, o.attempts, e.data as event, c.data as contact`;
  return rows
    .map((r) => ({ id: r.id, eventId: r.event_id, contactId: r.contact_id, attempts: r.attempts, event: r.event, contact: r.contact }))
    .sort((a, b) => a.id - b.id);
}

/** The events (outbox row ids) reached their flows. */
export async function markDispatched(db: Db, ids: number | number[]): Promise<void> {
  const list = Array.isArray(ids) ? ids : [ids];
  if (list.length === 0) return;
  await db`update outbox set dispatched_at = now(), last_error = null where id = any(${list}::bigint[])`;
}

/** Deletes rows dispatched before `before` (the events themselves stay); returns how many. */
export async function purgeDispatched(db: Db, before: Date): Promise<number> {
  const rows = await db`delete from outbox where dispatched_at < ${before} returning id`;
  return rows.length;
}

/**
 * Records a failed dispatch. It is tried again after 2^attempts seconds (at most
 * MAX_RETRY_DELAY_SECONDS), unless `giveUp`:
 * then it is abandoned (kept with its error for inspection) and stops holding back the contact's
 * later events.
 */
export async function markFailed(db: Db, id: number, error: string, options: { giveUp?: boolean } = {}): Promise<void> {
  if (options.giveUp) {
    await db`update outbox set abandoned_at = now(), last_error = ${error} where id = ${id}`;
    return;
  }
  await db`
    update outbox
    set last_error = ${error},
        next_attempt_at = now() + make_interval(secs => least(${MAX_RETRY_DELAY_SECONDS}, power(2, greatest(1, attempts))))
    where id = ${id}`;
}

export interface OutboxBacklog {
  pending: number;
  /** When the oldest waiting event was stored. */
  oldestAt?: string;
  /** Rows that failed at least once and are still waiting. */
  failing: number;
}

/** For /api/health and the bench: how far behind dispatch is. */
export async function outboxBacklog(db: Db): Promise<OutboxBacklog> {
  const [row] = await db<{ pending: number; oldest: Date | null; failing: number }[]>`
    select count(*)::int as pending, min(created_at) as oldest, count(*) filter (where last_error is not null)::int as failing
    from outbox where dispatched_at is null and abandoned_at is null`;
  return { pending: row?.pending ?? 0, failing: row?.failing ?? 0, ...(row?.oldest ? { oldestAt: iso(row.oldest) } : {}) };
}
