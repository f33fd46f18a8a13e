import type { Contact, ContactRef } from '@nudgeflow/shared';
import type { Tx } from './client';
import { normalizePhone } from './contact-merge';

/** A stored contact that one of the references may be about, locked for the transaction. */
export interface CandidateRow {
  id: string;
  external_id: string | null;
  /** lower(email), as Postgres lowers it: what email lookups compare. */
  email_key: string | null;
  phone: string | null;
  data: Contact;
}

const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * Every stored contact that any of the references names by id, externalId, email (any case) or
 * phone, row-locked as findContact locks the one it returns, oldest first (its tie-break).
 */
export async function lockCandidates(tx: Tx, refs: ContactRef[]): Promise<CandidateRow[]> {
  const values = (pick: (ref: ContactRef) => string | undefined) => [...new Set(refs.map(pick).filter((v): v is string => v !== undefined))];
  const ids = values((r) => r.id);
  const externalIds = values((r) => r.externalId);
  const emails = values((r) => (r.email === undefined ? undefined : emailKey(r.email)));
  const phones = values((r) => (r.phone === undefined ? undefined : normalizePhone(r.phone)));
  return tx<CandidateRow[]>`
    select id, external_id, lower(email) as email_key, phone, data from contacts
    where id = any(${ids}::text[]) or external_id = any(${externalIds}::text[]) or lower(email) = any(${emails}::text[]) or phone = any(${phones}::text[])
    order by created_at, id
    for update`;
}

/**
 * The stored contact `ref` is about, by the rules findContact (contacts.ts) applies in SQL, read
 * from the locked candidates: by id, then externalId, then email, then phone; a weaker match is
 * refused when a stronger key on both sides disagrees; an unknown id is a new contact.
 */
export function resolveFromCandidates(ref: ContactRef, candidates: CandidateRow[]): CandidateRow | undefined {
  if (ref.id !== undefined) return candidates.find((c) => c.id === ref.id);
  const { externalId } = ref;
  if (externalId !== undefined) {
    const byExternal = candidates.find((c) => c.external_id === externalId);
    if (byExternal) return byExternal;
  }
  const externalAgrees = (c: CandidateRow) => externalId === undefined || c.external_id === null || c.external_id === externalId;
  const email = ref.email === undefined ? undefined : emailKey(ref.email);
  if (email !== undefined) {
    const byEmail = candidates.find((c) => c.email_key === email && externalAgrees(c));
    if (byEmail) return byEmail;
  }
  const phone = ref.phone === undefined ? undefined : normalizePhone(ref.phone);
  if (phone === undefined) return undefined;
  return candidates.find((c) => c.phone === phone && externalAgrees(c) && (email === undefined || c.email_key === null || c.email_key === email));
}
