import type { Contact, ContactRef, FlowEvent } from '@nudgeflow/shared';

/**
 * The form phone numbers are matched in: digits, with a leading "+" kept ("+420 777-12 34" ->
 * "+4207771234"); undefined when there are no digits at all.
 */
export function normalizePhone(phone: string): string | undefined {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return digits === '' ? undefined : (trimmed.startsWith('+') ? '+' : '') + digits;
}

/**
 * The contact after an event's contact fields are merged in. Fields the event brings win; tags are
 * added to (flows tag contacts too, so the shop's list must not wipe theirs); attributes and
 * consent are merged key by key. The id never changes.
 */
export function mergeContact(existing: Contact, ref: ContactRef): Contact {
  const { id: _id, tags, attributes, consent, ...fields } = ref;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Contact>;
  return {
    ...existing,
    ...defined,
    tags: tags ? [...existing.tags, ...tags.filter((t) => !existing.tags.includes(t))] : existing.tags,
    ...(attributes ? { attributes: { ...existing.attributes, ...attributes } } : {}),
    ...(consent ? { consent: { ...existing.consent, ...consent } } : {}),
  };
}

/** A new contact from what an event says about it. */
export function contactFromRef(id: string, ref: ContactRef): Contact {
  return mergeContact({ id, tags: [] }, ref);
}

/** The later of two instants, keeping the string as given. */
function later(current: string | undefined, candidate: string): string {
  return current !== undefined && Date.parse(current) >= Date.parse(candidate) ? current : candidate;
}

/**
 * What an event does to its contact besides the fields it carries: `order.created` counts the
 * order (orderCount + 1, lastOrderAt) and `customer.login` sets lastLoginAt, unless the event's
 * contact carries those fields itself (the shop knows better). The timestamps never move back, so
 * a late or replayed event cannot make an active customer look inactive. `orderAlreadyCounted`:
 * an earlier order.created (another event id) already counted this order.
 */
export function applyEventToContact(contact: Contact, event: FlowEvent, options: { orderAlreadyCounted?: boolean } = {}): Contact {
  const told = event.contact;
  switch (event.type) {
    case 'order.created':
      return {
        ...contact,
        ...(told.orderCount === undefined && !options.orderAlreadyCounted ? { orderCount: (contact.orderCount ?? 0) + 1 } : {}),
        ...(told.lastOrderAt === undefined ? { lastOrderAt: later(contact.lastOrderAt, event.occurredAt) } : {}),
      };
    case 'customer.login':
      return told.lastLoginAt === undefined ? { ...contact, lastLoginAt: later(contact.lastLoginAt, event.occurredAt) } : contact;
    default:
      return contact;
  }
}
