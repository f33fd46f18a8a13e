import type { Contact, ContactRef, FlowEvent } from '@nudgeflow/shared';
import type { Tx } from './client';
import { lockCandidates, resolveFromCandidates, type CandidateRow } from './contact-candidates';
import { applyEventToContact, contactFromRef, mergeContact, normalizePhone } from './contact-merge';
import { phoneColumn } from './contacts';
import { chainsOf } from './event-chains';
import { newId } from './ids';
import { lockKeys } from './locks';
import { insertNewOrders, mergeStoredOrders, type OrderWrite } from './upsert-orders';

/**
 * Which events of a transaction may be written together, set-wise, rather than one after the
 * other. The one-by-one path (ingestOne) reads what the events before it wrote; the set-wise one
 * reads the stored rows once, before writing any. They agree for an event that shares no key
 * (contact identifier, order) with another event of the transaction, and whose identifiers name
 * no stored contact that another event's identifiers name too. A stored row takes an identifier
 * only from an event that carries it, and another event can only change or find such a contact
 * after naming it; so nothing the others write changes what this event finds, merges or counts.
 * The rest go one by one, after it.
 */
export interface IngestionSplit {
  together: { event: FlowEvent; found: CandidateRow | undefined }[];
  /** In the order given: they read what the ones before them wrote. */
  oneByOne: FlowEvent[];
  /** The stored contacts the events name, locked until commit. */
  candidates: CandidateRow[];
}

/** The stored contacts a reference names by any of its identifiers, whatever would win. */
function named(ref: ContactRef, byKey: Map<string, CandidateRow[]>): Set<CandidateRow> {
  const phone = ref.phone === undefined ? undefined : normalizePhone(ref.phone);
  const keys = [
    ref.id !== undefined ? `id:${ref.id}` : undefined,
    ref.externalId !== undefined ? `external:${ref.externalId}` : undefined,
    ref.email !== undefined ? `email:${ref.email.trim().toLowerCase()}` : undefined,
    phone !== undefined ? `phone:${phone}` : undefined,
  ];
  return new Set(keys.flatMap((key) => (key === undefined ? [] : (byKey.get(key) ?? []))));
}

export function splitIngestion(events: FlowEvent[], candidates: CandidateRow[]): IngestionSplit {
  const byKey = new Map<string, CandidateRow[]>();
  const index = (key: string, row: CandidateRow) => byKey.set(key, [...(byKey.get(key) ?? []), row]);
  for (const row of candidates) {
    index(`id:${row.id}`, row);
    if (row.external_id !== null) index(`external:${row.external_id}`, row);
    if (row.email_key !== null) index(`email:${row.email_key}`, row);
    if (row.phone !== null) index(`phone:${row.phone}`, row);
  }
  const namedBy = events.map((e) => named(e.contact, byKey));
  const namers = new Map<CandidateRow, number>();
  for (const rows of namedBy) for (const row of rows) namers.set(row, (namers.get(row) ?? 0) + 1);
  const alone = new Set(chainsOf(events).flatMap((chain) => (chain.length === 1 ? chain : [])));
  const split: IngestionSplit = { together: [], oneByOne: [], candidates };
  events.forEach((event, i) => {
    const own = alone.has(i) && [...(namedBy[i] ?? [])].every((row) => namers.get(row) === 1);
    const found = resolveFromCandidates(event.contact, candidates);
    // An externalId that only the stored JSON holds is checked against other contacts one by one.
    const ownerUnknown = found !== undefined && event.contact.externalId === undefined && (found.data.externalId ?? null) !== found.external_id;
    if (own && !ownerUnknown) split.together.push({ event, found });
    else split.oneByOne.push(event);
  });
  return split;
}

export interface IngestionReads {
  /** Event ids stored before, with their contact (only when asked to look). */
  stored: Map<string, string>;
  candidates: CandidateRow[];
  /** Orders an order.created event counted already (isOrderCounted). */
  counted: Set<string>;
}

/**
 * What a transaction reads before it writes, in one round trip: the statements go together and
 * run in order, the identity locks first, so the rows read after them are the ones the locks guard.
 */
export async function readForIngestion(tx: Tx, events: FlowEvent[], options: { lockKeys: string[]; lookForStored: boolean }): Promise<IngestionReads> {
  const orderIds = events.flatMap((e) => (e.type === 'order.created' && e.order ? [e.order.id] : []));
  const [, stored, candidates, counted] = await Promise.all([
    lockKeys(tx, options.lockKeys),
    options.lookForStored ? tx<{ id: string; contact_id: string }[]>`select id, contact_id from events where id = any(${events.map((e) => e.id)}::text[])` : [],
    lockCandidates(tx, events.map((e) => e.contact)),
    orderIds.length > 0 ? tx<{ id: string }[]>`select id from orders where id = any(${orderIds}::text[]) and counted_at is not null` : [],
  ]);
  return { stored: new Map(stored.map((r) => [r.id, r.contact_id])), candidates, counted: new Set(counted.map((r) => r.id)) };
}

/** The contact after the event, as resolveContact would leave it, and whether it must be inserted or saved. */
function contactAfter(event: FlowEvent, found: CandidateRow | undefined, candidates: CandidateRow[], counted: Set<string>): { contact: Contact; write: 'insert' | 'update' | 'none' } {
  const ref = event.contact;
  const { order } = event;
  const alreadyCounted = event.type === 'order.created' && order !== undefined && counted.has(order.id);
  const adjust = (c: Contact) => applyEventToContact(c, event, { orderAlreadyCounted: alreadyCounted });
  if (!found) return { contact: adjust(contactFromRef(ref.id ?? newId('ct'), ref)), write: 'insert' };
  let merged = mergeContact(found.data, ref);
  // Found by id, and the shop's customer id already belongs to another contact: keep ours.
  if (merged.externalId !== undefined && merged.externalId !== found.external_id && candidates.some((c) => c.external_id === merged.externalId && c.id !== found.id))
    merged = { ...merged, externalId: found.data.externalId };
  const contact = adjust(merged);
  return { contact, write: JSON.stringify(contact) === JSON.stringify(found.data) ? 'none' : 'update' };
}

async function writeContacts(tx: Tx, contacts: Contact[], mode: 'insert' | 'update'): Promise<void> {
  if (contacts.length === 0) return;
  const columns = [
    contacts.map((c) => c.id),
    contacts.map((c) => c.externalId ?? null),
    contacts.map((c) => c.email ?? null),
    contacts.map((c) => phoneColumn(c)),
    contacts.map((c) => JSON.stringify(c)),
  ] as const;
  const rows = tx`unnest(${columns[0]}::text[], ${columns[1]}::text[], ${columns[2]}::text[], ${columns[3]}::text[], ${columns[4]}::text[]) as v(id, external_id, email, phone, data)`;
  if (mode === 'insert') {
    await tx`insert into contacts (id, external_id, email, phone, data) select id, external_id, email, phone, data::jsonb from ${rows}`;
    return;
  }
  await tx`
    update contacts c set external_id = v.external_id, email = v.email, phone = v.phone, data = v.data::jsonb, updated_at = now()
    from ${rows} where c.id = v.id`;
}

/**
 * Stores events that may be written together (splitIngestion), with the same effect as storing
 * each with ingestOne: contacts created or merged and saved, orders upserted, the events and their
 * outbox rows inserted; a few statements in all. Resolves to each event's contact id, or to
 * undefined when one of the events turns out to be stored already (then roll back).
 */
export async function ingestTogether(tx: Tx, split: IngestionSplit, counted: Set<string>): Promise<Map<string, string> | undefined> {
  const { together, candidates } = split;
  if (together.length === 0) return new Map();
  const after = together.map(({ event, found }) => ({ event, ...contactAfter(event, found, candidates, counted) }));

  const orders: OrderWrite[] = after.flatMap(({ event, contact }) =>
    event.order
      ? [
          {
            order: event.order,
            options: {
              contactId: contact.id,
              seenAt: event.occurredAt,
              counted: event.type === 'order.created',
              ...(event.type === 'order.cancelled' ? { cancelledAt: event.occurredAt } : {}),
            },
          },
        ]
      : [],
  );
  const countedAt = new Date().toISOString();
  // Sent together, run in order: contacts and new orders exist before the events that name them.
  const [, , inserted, stored] = await Promise.all([
    writeContacts(tx, after.filter((a) => a.write === 'insert').map((a) => a.contact), 'insert'),
    writeContacts(tx, after.filter((a) => a.write === 'update').map((a) => a.contact), 'update'),
    insertNewOrders(tx, orders, countedAt),
    tx<{ event_id: string }[]>`
      with stored as (
        insert into events (id, type, contact_id, order_id, occurred_at, data)
        select id, type, contact_id, order_id, occurred_at::timestamptz, data::jsonb
        from unnest(
          ${after.map((a) => a.event.id)}::text[], ${after.map((a) => a.event.type)}::text[], ${after.map((a) => a.contact.id)}::text[],
          ${after.map((a) => a.event.order?.id ?? null)}::text[], ${after.map((a) => a.event.occurredAt)}::text[], ${after.map((a) => JSON.stringify(a.event))}::text[]
        ) as v(id, type, contact_id, order_id, occurred_at, data)
        on conflict (id) do nothing
        returning id, contact_id
      )
      insert into outbox (event_id, contact_id) select id, contact_id from stored
      returning event_id`,
  ]);
  if (stored.length !== after.length) return undefined;
  await mergeStoredOrders(tx, orders.filter((w) => !inserted.has(w.order.id)), countedAt);
  return new Map(after.map((a) => [a.event.id, a.contact.id]));
}
