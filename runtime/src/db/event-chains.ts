import type { FlowEvent } from '@nudgeflow/shared';
import { normalizePhone } from './contact-merge';

/** Keys under which two events may concern the same contact, order or event. */
function keysOf(event: FlowEvent): string[] {
  const { contact } = event;
  const phone = contact.phone === undefined ? undefined : normalizePhone(contact.phone);
  return [
    `event:${event.id}`,
    contact.id !== undefined ? `contact:${contact.id}` : undefined,
    contact.externalId !== undefined ? `external:${contact.externalId}` : undefined,
    contact.email !== undefined ? `email:${contact.email.trim().toLowerCase()}` : undefined,
    phone !== undefined ? `phone:${phone}` : undefined,
    event.order ? `order:${event.order.id}` : undefined,
  ].filter((k): k is string => k !== undefined);
}

/**
 * Splits a batch into chains of events that share a key, each in batch order. Chains touch
 * different people and orders, so they may be stored side by side; within one the order is kept,
 * because dispatch follows storage order ("order.paid" must not overtake "order.created").
 * An event whose chain is itself alone touches no stored row that another event of the batch
 * finds by its own keys (see ingestEvents).
 */
export function chainsOf(events: FlowEvent[]): number[][] {
  const chainOfKey = new Map<string, number>();
  const parent = events.map((_, index) => index);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[i] = root;
    return root;
  };
  events.forEach((event, index) => {
    for (const key of keysOf(event)) {
      const seen = chainOfKey.get(key);
      if (seen === undefined) chainOfKey.set(key, index);
      else parent[find(index)] = find(seen);
    }
  });
  const chains = new Map<number, number[]>();
  events.forEach((_, index) => {
    const root = find(index);
    const chain = chains.get(root);
    if (chain) chain.push(index);
    else chains.set(root, [index]);
  });
  return [...chains.values()];
}
