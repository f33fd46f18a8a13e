import type { Contact, RunContext } from '@nudgeflow/shared';
import type { RunRef } from '@nudgeflow/workflows/contract';
import type { Db } from '../db/client';
import { getContact } from '../db/contacts';
import { normalizePhone } from '../db/contact-merge';
import { findSuppression } from '../db/suppressions';
import { invalidInput } from './errors';

/**
 * The contact a message goes to, as it is now: a tag added or a phone number changed since the
 * run began counts. Test runs never write the contact (their tags and updates live in the run's
 * context only), so they use the run's own copy.
 */
export async function currentContact(db: Db, run: RunRef, ctx: RunContext): Promise<Contact> {
  if (run.test) return ctx.contact;
  return (await getContact(db, run.contactId)) ?? ctx.contact;
}

/** Why a message must not go to this contact on this channel; transactional messages only need an address. */
export async function consentProblem(db: Db, contact: Contact, channel: 'email' | 'sms', marketing: boolean): Promise<string | undefined> {
  if (!marketing) return undefined;
  if (contact.consent?.[channel] !== true) return 'no consent';
  if (await findSuppression(db, contact.id, channel)) return 'suppressed';
  return undefined;
}

// E.164: "+", a country code that does not start with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{6,14}$/;

/** The number in E.164, or invalid input: no retry can fix a number we cannot dial. */
export function internationalNumber(phone: string): string {
  const normalized = normalizePhone(phone);
  if (normalized === undefined || !E164.test(normalized))
    throw invalidInput(`the phone number "${phone}" is not a valid international number (it should look like +420777123456)`);
  return normalized;
}
