import type { Contact, Order, ScheduleFacts } from '@nudgeflow/shared';
import type { Db } from '../db';
import type { RoutableTrigger } from '../dispatch';

/**
 * Where a scheduled trigger's candidates come from: contacts, or orders with their contact for
 * date fields on the order. `path` narrows them in SQL to rows that have the field the trigger
 * reads (inside the contact's or order's JSON); the trigger's own nextFireAt decides the rest.
 */
export type CandidateSource = { from: 'contacts'; path?: string[] } | { from: 'orders'; path: string[] };

/** The built-in schedule triggers read one known field; a plugin's trigger sees every contact. */
export function candidateSource(trigger: RoutableTrigger): CandidateSource {
  const { config } = trigger;
  if (trigger.nodeType === 'trigger.date' && typeof config.field === 'string') {
    const [scope, ...path] = config.field.split('.');
    return scope === 'order' ? { from: 'orders', path } : { from: 'contacts', path };
  }
  if (trigger.nodeType === 'trigger.inactivity') return { from: 'contacts', path: [config.activity === 'login' ? 'lastLoginAt' : 'lastOrderAt'] };
  return { from: 'contacts' };
}

/**
 * The candidates, a page at a time in id order (keyset paging: stable while contacts are added).
 * Cancelled orders are left out: a delivery that will not happen starts nothing.
 */
export async function* candidatePages(db: Db, source: CandidateSource, pageSize: number): AsyncGenerator<ScheduleFacts[]> {
  let after = '';
  for (;;) {
    let page: { id: string; facts: ScheduleFacts }[];
    if (source.from === 'contacts') {
      const rows = await db<{ id: string; data: Contact }[]>`
        select id, data from contacts
        where id > ${after} and not test ${source.path ? db`and data #> ${source.path}::text[] is not null` : db``}
        order by id limit ${pageSize}`;
      page = rows.map((r) => ({ id: r.id, facts: { contact: r.data } }));
    } else {
      const rows = await db<{ id: string; order: Order; contact: Contact }[]>`
        select o.id, o.data as order, c.data as contact from orders o join contacts c on c.id = o.contact_id
        where o.id > ${after} and o.cancelled_at is null and o.data #> ${source.path}::text[] is not null
        order by o.id limit ${pageSize}`;
      page = rows.map((r) => ({ id: r.id, facts: { contact: r.contact, order: r.order } }));
    }
    if (page.length === 0) return;
    yield page.map((p) => p.facts);
    after = (page.at(-1) as { id: string }).id;
    if (page.length < pageSize) return;
  }
}
