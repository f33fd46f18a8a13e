import type { Contact } from '@nudgeflow/shared';
import { beforePosition, normalizePhone, pageOf, positionTime, type Db, type ListPosition } from '../../db';
import { toApiPage, type Page } from '../pagination';

/** Fewer digits than this would match half the phone book. */
const MIN_PHONE_DIGITS = 6;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Contacts newest first, optionally those matching `query`: part of the email or of the name (any
 * case), the end of the phone number, or the exact id or shop customer id. Test runs' contacts
 * are left out.
 */
export async function searchContacts(db: Db, query: string | undefined, limit: number, before?: ListPosition): Promise<Page<Contact>> {
  const text = query?.trim() || undefined;
  const phoneDigits = text === undefined ? undefined : normalizePhone(text)?.replace('+', '');
  const digits = phoneDigits !== undefined && phoneDigits.length >= MIN_PHONE_DIGITS ? phoneDigits : null;
  const rows = await db<{ id: string; data: Contact; position_at: string }[]>`
    select id, data, ${positionTime(db, 'created_at')} from contacts
    where not test
      ${
        text === undefined
          ? db``
          : db`and (id = ${text} or external_id = ${text}
              or email ilike ${likePattern(text)}
              or concat_ws(' ', data ->> 'firstName', data ->> 'lastName') ilike ${likePattern(text)}
              or (${digits}::text is not null and phone like '%' || ${digits}))`
      }
      ${beforePosition(db, 'created_at', before)}
    order by created_at desc, id desc
    limit ${limit + 1}`;
  return toApiPage(pageOf(rows, limit, (row) => row.data));
}
