import { iso, type Db } from './client';

/** 'all' covers every channel. */
export type SuppressionChannel = 'email' | 'sms' | 'all';

export interface Suppression {
  contactId: string;
  channel: SuppressionChannel;
  /** "unsubscribed", "hard bounce", "complaint", "manual" … shown in the step log. */
  reason: string;
  createdAt: string;
}

interface SuppressionRow {
  contact_id: string;
  channel: SuppressionChannel;
  reason: string;
  created_at: Date;
}

const toSuppression = (r: SuppressionRow): Suppression => ({ contactId: r.contact_id, channel: r.channel, reason: r.reason, createdAt: iso(r.created_at) });

/** Adds (or re-words) a suppression; the original date is kept. */
export async function suppress(db: Db, input: { contactId: string; channel: SuppressionChannel; reason: string }): Promise<Suppression> {
  const [row] = await db<SuppressionRow[]>`
    insert into suppressions (contact_id, channel, reason) values (${input.contactId}, ${input.channel}, ${input.reason})
    on conflict (contact_id, channel) do update set reason = excluded.reason
    returning *`;
  if (!row) throw new Error('insert into suppressions returned no row');
  return toSuppression(row);
}

/** False when there was no such suppression. */
export async function unsuppress(db: Db, contactId: string, channel: SuppressionChannel): Promise<boolean> {
  const rows = await db`delete from suppressions where contact_id = ${contactId} and channel = ${channel} returning contact_id`;
  return rows.length > 0;
}

/** Why the contact must not get messages on this channel, or undefined when they may. */
export async function findSuppression(db: Db, contactId: string, channel: 'email' | 'sms'): Promise<Suppression | undefined> {
  const [row] = await db<SuppressionRow[]>`
    select * from suppressions where contact_id = ${contactId} and channel in (${channel}, 'all')
    order by created_at limit 1`;
  return row ? toSuppression(row) : undefined;
}

export async function listSuppressions(db: Db, filter: { contactId?: string; limit?: number } = {}): Promise<Suppression[]> {
  const rows = await db<SuppressionRow[]>`
    select * from suppressions
    ${filter.contactId !== undefined ? db`where contact_id = ${filter.contactId}` : db``}
    order by created_at desc, contact_id, channel
    limit ${filter.limit ?? 100}`;
  return rows.map(toSuppression);
}
