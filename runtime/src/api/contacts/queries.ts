import type { Contact } from '@nudgeflow/shared';
import { normalizePhone, type Db } from '../../db';
import { CURSOR_TIME_FORMAT, toPage, type Page, type PagePosition } from '../pagination';

/** Fewer digits than this would match half the phone book. */
const MIN_PHONE_DIGITS = 6;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Contacts newest first, optionally those matching `query`: part of the email or of the name (any
 * case), the end of the phone number, or the exact id or shop customer id.
 */
export async function searchContacts(db: Db, query: string | undefined, limit: number, before?: PagePosition): Promise<Page<Contact>> {
  const text = query?.trim() || undefined;
  const phoneDigits = text === undefined ? undefined : normalizePhone(text)?.replace('+', '');
  const digits = phoneDigits !== undefined && phoneDigits.length >= MIN_PHONE_DIGITS ? phoneDigits : null;
  const rows = await db<{ id: string; data: Contact; at: string }[]>`
    select id, data, to_char(created_at at time zone 'UTC', ${CURSOR_TIME_FORMAT}) as at from contacts
    where true
      ${
        text === undefined
          ? db``
          : db`and (id = ${text} or external_id = ${text}
              or email ilike ${likePattern(text)}
              or concat_ws(' ', data ->> 'firstName', data ->> 'lastName') ilike ${likePattern(text)}
              or (${digits}::text is not null and phone like '%' || ${digits}))`
      }
      ${before ? db`and (created_at, id) < (${before.at}::text::timestamptz, ${before.id})` : db``}
    order by created_at desc, id desc
    limit ${limit + 1}`;
  const page = await toPage(rows, limit, (row) => ({ at: row.at, id: row.id }));
  return { ...page, items: page.items.map((row) => row.data) };
}
