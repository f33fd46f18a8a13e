import { applyContactChanges, type Contact, type ContactChanges, type ContactRef } from '@nudgeflow/shared';
import { inTransaction, jsonb, type Db, type Tx } from './client';
import { contactFromRef, mergeContact, normalizePhone } from './contact-merge';
import { newId } from './ids';
import { lockKeys } from './locks';

interface ContactRow {
  id: string;
  external_id: string | null;
  email: string | null;
  data: Contact;
}

export async function getContact(db: Db, id: string): Promise<Contact | undefined> {
  const [row] = await db<{ data: Contact }[]>`select data from contacts where id = ${id}`;
  return row?.data;
}

/**
 * The advisory-lock keys of a contact reference: everyone resolving the same identity queues on
 * them, so two events about a new customer arriving together create one contact, not two.
 */
export function contactLockKeys(ref: ContactRef): string[] {
  const phone = ref.phone === undefined ? undefined : normalizePhone(ref.phone);
  return [
    ref.id && `contact:id:${ref.id}`,
    ref.externalId && `contact:external:${ref.externalId}`,
    ref.email && `contact:email:${ref.email.trim().toLowerCase()}`,
    phone && `contact:phone:${phone}`,
  ].filter((k): k is string => Boolean(k));
}

/**
 * The stored contact an event's contact is about: by id, then externalId, then email (any case),
 * then phone. A match on a weaker key is refused when a stronger key on both sides disagrees (an
 * email match whose externalId differs is another shop customer sharing the address); an id the
 * database does not know is a new contact with that id.
 */
async function findContact(tx: Tx, ref: ContactRef): Promise<ContactRow | undefined> {
  if (ref.id !== undefined) {
    const [row] = await tx<ContactRow[]>`select id, external_id, email, data from contacts where id = ${ref.id} for update`;
    return row;
  }
  if (ref.externalId !== undefined) {
    const [row] = await tx<ContactRow[]>`select id, external_id, email, data from contacts where external_id = ${ref.externalId} for update`;
    if (row) return row;
  }
  const externalAgrees = tx`(${ref.externalId ?? null}::text is null or external_id is null or external_id = ${ref.externalId ?? null})`;
  if (ref.email !== undefined) {
    const [row] = await tx<ContactRow[]>`
      select id, external_id, email, data from contacts
      where lower(email) = ${ref.email.trim().toLowerCase()} and ${externalAgrees}
      order by created_at, id limit 1 for update`;
    if (row) return row;
  }
  const phone = ref.phone === undefined ? undefined : normalizePhone(ref.phone);
  if (phone !== undefined) {
    const email = ref.email?.trim().toLowerCase() ?? null;
    const [row] = await tx<ContactRow[]>`
      select id, external_id, email, data from contacts
      where phone = ${phone} and ${externalAgrees}
        and (${email}::text is null or email is null or lower(email) = ${email})
      order by created_at, id limit 1 for update`;
    if (row) return row;
  }
  return undefined;
}

/** The phone lookup column of a contact: its number normalized. */
export const phoneColumn = (contact: Contact) => (contact.phone === undefined ? null : (normalizePhone(contact.phone) ?? null));

/** Writes the whole contact; the lookup columns follow its fields. */
export async function saveContact(db: Db, contact: Contact): Promise<void> {
  await db`
    update contacts set
      external_id = ${contact.externalId ?? null},
      email = ${contact.email ?? null},
      phone = ${phoneColumn(contact)},
      data = ${jsonb(db, contact)},
      updated_at = now()
    where id = ${contact.id}`;
}

async function insertContact(tx: Tx, contact: Contact): Promise<void> {
  await tx`
    insert into contacts (id, external_id, email, phone, data)
    values (${contact.id}, ${contact.externalId ?? null}, ${contact.email ?? null},
            ${phoneColumn(contact)}, ${jsonb(tx, contact)})`;
}

export interface ResolveOptions {
  /** The caller holds contactLockKeys(ref) already (ingestion locks a whole batch at once). */
  alreadyLocked?: boolean;
  /** Last changes before the contact is written, e.g. the counters an event moves. */
  adjust?: (merged: Contact) => Contact | Promise<Contact>;
}

/**
 * The contact an incoming event is about, created when unknown, with the event's fields merged in
 * and saved (only when something changed). Must run inside the ingestion transaction: it holds
 * identity locks until commit.
 */
export async function resolveContact(tx: Tx, ref: ContactRef, options: ResolveOptions = {}): Promise<Contact> {
  if (!options.alreadyLocked) await lockKeys(tx, contactLockKeys(ref));
  const found = await findContact(tx, ref);
  const adjust = options.adjust ?? ((c: Contact) => c);
  if (!found) {
    const contact = await adjust(contactFromRef(ref.id ?? newId('ct'), ref));
    await insertContact(tx, contact);
    return contact;
  }
  let merged = mergeContact(found.data, ref);
  if (merged.externalId !== undefined && merged.externalId !== found.external_id) {
    // Found by id, and the shop's customer id already belongs to another contact: keep ours.
    const [owner] = await tx`select 1 from contacts where external_id = ${merged.externalId} and id <> ${found.id}`;
    if (owner) merged = { ...merged, externalId: found.data.externalId };
  }
  const contact = await adjust(merged);
  if (JSON.stringify(contact) !== JSON.stringify(found.data)) await saveContact(tx, contact);
  return contact;
}

/**
 * Changes a stored contact, as `applyPatch` changes a run's copy: fields of the patch replace the
 * contact's (a key set to null, or undefined, clears it; `tags` replaces the list). Pass a
 * function to compute the patch from the current contact under a row lock, e.g. to add a tag
 * without losing a concurrent one. Undefined when there is no such contact.
 */
export async function updateContact(
  db: Db,
  id: string,
  patch: ContactChanges | ((current: Contact) => ContactChanges),
): Promise<Contact | undefined> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx<{ data: Contact }[]>`select data from contacts where id = ${id} for update`;
    if (!row) return undefined;
    const changes = typeof patch === 'function' ? patch(row.data) : patch;
    const updated = { ...applyContactChanges(row.data, changes), id };
    await saveContact(tx, updated);
    return JSON.parse(JSON.stringify(updated)) as Contact;
  });
}

export interface ContactFilter {
  /** Matches email (any case), phone, externalId or id exactly. */
  search?: string;
  limit?: number;
  /** Contacts created before this one (by creation order), for paging. */
  afterId?: string;
}

/** Contacts newest first; test runs' contacts are left out. */
export async function listContacts(db: Db, filter: ContactFilter = {}): Promise<Contact[]> {
  const search = filter.search?.trim();
  const phone = search ? (normalizePhone(search) ?? null) : null;
  const rows = await db<{ data: Contact }[]>`
    select data from contacts
    where not test
      ${search ? db`and (id = ${search} or external_id = ${search} or lower(email) = ${search.toLowerCase()} or phone = ${phone})` : db``}
      ${filter.afterId ? db`and (created_at, id) < (select created_at, id from contacts where id = ${filter.afterId})` : db``}
    order by created_at desc, id desc
    limit ${filter.limit ?? 50}`;
  return rows.map((r) => r.data);
}
