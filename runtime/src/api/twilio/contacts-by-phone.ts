import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizePhone, type Db } from '../../db';

/**
 * The forms a stored number may have that mean the E.164 number Twilio reports: contacts keep
 * their number as the shop sent it (matched in normalizePhone's form), so a number of the
 * default country may be stored without its country code ("777 123 456", "07700 900123").
 */
export function storedPhoneForms(e164: string, defaultCountry?: string): string[] {
  const forms = new Set<string>();
  const exact = normalizePhone(e164);
  if (exact) forms.add(exact);
  const parsed = parsePhoneNumberFromString(e164, { extract: false });
  // By calling code, not country: "07911 123456" read as GB is a Guernsey number (+44 too).
  if (parsed && defaultCountry && isSupportedCountry(defaultCountry) && parsed.countryCallingCode === getCountryCallingCode(defaultCountry)) {
    forms.add(parsed.nationalNumber);
    const national = normalizePhone(parsed.formatNational());
    if (national) forms.add(national);
  }
  return [...forms];
}

/** Ids of the contacts with this number, oldest first (several contacts may share one). */
export async function contactIdsByPhone(db: Db, e164: string, defaultCountry?: string): Promise<string[]> {
  const forms = storedPhoneForms(e164, defaultCountry);
  if (forms.length === 0) return [];
  const rows = await db<{ id: string }[]>`select id from contacts where phone in ${db(forms)} order by created_at, id`;
  return rows.map((r) => r.id);
}
