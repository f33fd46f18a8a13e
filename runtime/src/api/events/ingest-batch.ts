import type { FlowEvent } from '@nudgeflow/shared';
import { ingestEvent, normalizePhone, type IngestResult, type Sql } from '../../db';

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

/**
 * Stores a batch through the data layer's ingestEvent, chains in parallel (at most `concurrency`
 * transactions at once) and each chain in order. Results come back in batch order. On an error
 * no new chain starts; the first error is thrown once the running ones are done.
 */
export async function ingestBatch(sql: Sql, events: FlowEvent[], concurrency = 8): Promise<IngestResult[]> {
  const results: IngestResult[] = new Array(events.length);
  const queue = chainsOf(events);
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (let chain = queue.shift(); chain && !failure; chain = queue.shift()) {
      for (const index of chain) {
        const event = events[index];
        if (!event || failure) break;
        try {
          results[index] = await ingestEvent(sql, event);
        } catch (error) {
          failure ??= { error };
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
