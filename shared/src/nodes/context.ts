import type { Contact } from '../data/contact';
import type { FlowEvent } from '../data/event';
import type { Cart, Order, Product } from '../data/order';

/**
 * What a run knows while it moves through the graph. Rules read it ("order.paymentMethod"),
 * templates render from it, effects receive it. Plain JSON: it travels through Temporal.
 */
export interface RunContext {
  flow: { id: string; name: string; version?: number };
  runId: string;
  contact: Contact;
  order?: Order;
  cart?: Cart;
  product?: Product;
  /** The latest event that moved the run: the trigger, or what a wait received. */
  event?: FlowEvent;
  /** The event that started the run; absent for date and inactivity triggers. */
  trigger?: FlowEvent;
  /** Codes assigned in this run, by pool name. */
  codes: Record<string, string>;
  /** A test or simulated run: effects must not touch real customers. */
  test?: boolean;
}

/** The contact fields that may be absent, and so may be cleared. */
type ClearableField = { [K in keyof Contact]-?: undefined extends Contact[K] ? K : never }[keyof Contact];

/**
 * Changes to a contact: each field given replaces the contact's, and null clears it (undefined
 * cannot say so: it does not survive the JSON a patch travels in through Temporal).
 */
export type ContactChanges = Partial<Omit<Contact, ClearableField>> & { [K in ClearableField]?: Contact[K] | null };

/** The contact with the changes applied; `tags` given replaces the list. */
export function applyContactChanges(contact: Contact, changes: ContactChanges): Contact {
  const changed: Record<string, unknown> = { ...contact, ...changes };
  for (const [field, value] of Object.entries(changes)) if (value === null) delete changed[field];
  return changed as Contact;
}

/** Changes an effect makes to the run's own view of the world (a tag added, a code assigned). */
export interface ContextPatch {
  codes?: Record<string, string>;
  contact?: ContactChanges;
}

/** Facts a date or inactivity trigger looks at to decide when it fires for a contact. */
export interface ScheduleFacts {
  contact: Contact;
  /** The order a date field such as order.deliveryDate is read from. */
  order?: Order;
}
