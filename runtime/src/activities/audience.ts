import type { Contact, RunContext } from '@nudgeflow/shared';
import type { RunRef } from '@nudgeflow/workflows/contract';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Db } from '../db/client';
import { getContact } from '../db/contacts';
import { findSuppression } from '../db/suppressions';
import { testRecipient } from '../test-runs/deliver-to';
import { invalidInput } from './errors';

/**
 * The contact a message goes to, as it is now: a tag added or a phone number changed since the
 * run began counts. Test runs never write the contact (their tags and updates live in the run's
 * context only), so they use the run's own copy, addressed to the admin when they asked for it.
 */
export async function currentContact(db: Db, run: RunRef, ctx: RunContext): Promise<Contact> {
  if (run.test) return testRecipient(run, ctx.contact);
  return (await getContact(db, run.contactId)) ?? ctx.contact;
}

/** Why a message must not go to this contact on this channel; transactional messages only need an address. */
export async function consentProblem(db: Db, contact: Contact, channel: 'email' | 'sms', marketing: boolean): Promise<string | undefined> {
  if (!marketing) return undefined;
  if (contact.consent?.[channel] !== true) return 'no consent';
  if (await findSuppression(db, contact.id, channel)) return 'suppressed';
  return undefined;
}

/**
 * The number in E.164 ("+420777123456"), or invalid input: no retry can fix a number we cannot
 * dial. A number without a country code is read as one of `defaultCountry` (ISO 3166 alpha-2);
 * only numbers that exist in the numbering plan pass, so a typo fails here and not at Twilio.
 */
export function internationalNumber(phone: string, defaultCountry?: string): string {
  // extract: false: the whole field must be the number, not text that contains one.
  const parsed = parsePhoneNumberFromString(phone, { extract: false, ...(defaultCountry ? { defaultCountry: defaultCountry as CountryCode } : {}) });
  if (parsed?.isValid()) return parsed.number;
  const expected = defaultCountry ? `a valid number for ${defaultCountry} or with a country code` : 'a valid international number';
  throw invalidInput(`the phone number "${phone}" is not ${expected} (it should look like +420777123456)`);
}
