import type { FlowEvent } from '@nudgeflow/shared';
import { ingestEvents, type IngestResult, type Sql } from '../../db';
import { chainsOf } from '../../db/event-chains';

/**
 * Packs whole chains, in batch order, into groups of at least `size` events (the last may be
 * smaller). Each group is in batch order, so every chain in it keeps its own order.
 */
export function groupsOf(chains: number[][], size: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  for (const chain of chains) {
    current.push(...chain);
    if (current.length >= size) {
      groups.push(current.sort((a, b) => a - b));
      current = [];
    }
  }
  if (current.length > 0) groups.push(current.sort((a, b) => a - b));
  return groups;
}

const MIN_GROUP = 4;

/**
 * Stores a batch with the data layer's ingestEvents: whole chains are packed into at most
 * `concurrency` groups of about the same size, each stored in one transaction (one commit for
 * many events is what makes a large batch quick), the groups side by side. Results come back in
 * batch order. When a group fails, the first error is thrown once all are done; the other groups
 * stay stored.
 */
export async function ingestBatch(sql: Sql, events: FlowEvent[], concurrency = 8): Promise<IngestResult[]> {
  // Fewer than a few events per transaction spends more on commits than it gains side by side.
  const groups = groupsOf(chainsOf(events), Math.max(MIN_GROUP, Math.ceil(events.length / concurrency)));
  const outcomes = await Promise.allSettled(groups.map((group) => ingestEvents(sql, group.map((index) => events[index] as FlowEvent))));
  const results: IngestResult[] = new Array(events.length);
  for (const [g, outcome] of outcomes.entries()) {
    if (outcome.status === 'rejected') throw outcome.reason;
    const group = groups[g] ?? [];
    outcome.value.forEach((result, i) => (results[group[i] as number] = result));
  }
  return results;
}
