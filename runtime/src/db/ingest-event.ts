import type { FlowEvent } from '@nudgeflow/shared';
import { isPgError, type Sql, type Tx } from './client';
import { applyEventToContact } from './contact-merge';
import { contactLockKeys, resolveContact } from './contacts';
import { storeEvent } from './events';
import { ingestTogether, readForIngestion, splitIngestion } from './ingest-together';
import { isOrderCounted, upsertOrder } from './orders';

export interface IngestResult {
  /** 'duplicate': an event with this id was stored before (or earlier in the batch); nothing changed. */
  status: 'stored' | 'duplicate';
  eventId: string;
  contactId: string;
}

/** Raised inside the transaction when an event turns out to be stored already: roll back, retry knowing it. */
class DuplicateFound extends Error {}

const MAX_ATTEMPTS = 3;
const DEADLOCK_DETECTED = '40P01';

/** The contact, order and counters one event changes, then the event and its outbox row. */
async function ingestOne(tx: Tx, event: FlowEvent): Promise<string> {
  const { order } = event;
  const counts = event.type === 'order.created' && order !== undefined;
  const contact = await resolveContact(tx, event.contact, {
    alreadyLocked: true,
    adjust: async (merged) => applyEventToContact(merged, event, { orderAlreadyCounted: counts && (await isOrderCounted(tx, order.id)) }),
  });
  if (order) {
    await upsertOrder(tx, order, {
      contactId: contact.id,
      seenAt: event.occurredAt,
      counted: counts,
      ...(event.type === 'order.cancelled' ? { cancelledAt: event.occurredAt } : {}),
    });
  }
  if ((await storeEvent(tx, event, contact.id)) === 'duplicate') throw new DuplicateFound();
  return contact.id;
}

/**
 * Everything incoming (already validated) events change, in one transaction, in the order given:
 * each event's contact is found or created with its fields merged in and the counters it moves
 * updated (applyEventToContact), its order stored, and the event stored with its outbox row.
 * An event id seen before (stored earlier, or earlier in the batch) changes nothing. Every lock
 * the batch needs (contact identities, orders) is taken up front in one order, so batches
 * touching the same contacts queue rather than deadlock. Only row locks cannot be ordered up
 * front: two batches may reach one stored contact through different identifiers (one by email,
 * the other by phone), and when each then holds a row the other needs, Postgres fails one of
 * them; that batch is rolled back whole and tried again. Results come in the order given.
 * Events about different people and orders are written together, a few statements for all of
 * them; one person's events in one batch are written one after the other, in the order given.
 */
export async function ingestEvents(sql: Sql, events: FlowEvent[]): Promise<IngestResult[]> {
  const firstIndex = new Map<string, number>();
  events.forEach((e, i) => firstIndex.has(e.id) || firstIndex.set(e.id, i));
  const unique = [...firstIndex.values()].map((i) => events[i] as FlowEvent);
  const keys = unique.flatMap((e) => [...contactLockKeys(e.contact), ...(e.order ? [`order:${e.order.id}`] : [])]);

  // Duplicates are rare: the first attempt does not look for them, and rolls back if it meets one.
  let checkStored = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const outcomes = await sql.begin(async (tx) => {
        const read = await readForIngestion(tx, unique, { lockKeys: keys, lookForStored: checkStored });
        const outcomes = new Map<string, IngestResult>();
        for (const [id, contactId] of read.stored) outcomes.set(id, { status: 'duplicate', eventId: id, contactId });
        // Independent events are written set-wise, the rest one by one after them (ingest-together.ts).
        const split = splitIngestion(unique.filter((e) => !read.stored.has(e.id)), read.candidates);
        const together = await ingestTogether(tx, split, read.counted);
        if (!together) throw new DuplicateFound();
        for (const [id, contactId] of together) outcomes.set(id, { status: 'stored', eventId: id, contactId });
        for (const event of split.oneByOne) outcomes.set(event.id, { status: 'stored', eventId: event.id, contactId: await ingestOne(tx, event) });
        return outcomes;
      });
      return events.map((e, i) => {
        const outcome = outcomes.get(e.id) as IngestResult;
        return firstIndex.get(e.id) === i ? outcome : { ...outcome, status: 'duplicate' };
      });
    } catch (error) {
      const deadlocked = isPgError(error, DEADLOCK_DETECTED);
      if (!(error instanceof DuplicateFound) && !deadlocked) throw error;
      if (attempt === MAX_ATTEMPTS) {
        const why = deadlocked ? 'other deliveries about the same contacts kept locking them in the opposite order' : 'other deliveries of the same event ids kept arriving at the same time';
        throw new Error(`could not store the events: ${why}`, { cause: error });
      }
      if (!deadlocked) checkStored = true;
    }
  }
}

/** One event: see ingestEvents. The same event id twice, even concurrently, stores it once. */
export async function ingestEvent(sql: Sql, event: FlowEvent): Promise<IngestResult> {
  const [result] = await ingestEvents(sql, [event]);
  if (!result) throw new Error('ingestEvents returned no result');
  return result;
}
