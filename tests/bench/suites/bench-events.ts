import type { FlowEvent } from '@nudgeflow/shared';

export const ADMIN_TOKEN = 'bench-admin-token-0000';
export const API_KEY = 'bench-ingestion-key-0000';

/**
 * Each phase numbers its events from its own block, so that every contact gets a phone number of
 * its own even when two processes generate events (a shared phone would merge two contacts).
 */
export const PHONE_BLOCKS = { warm: 0, single: 1, batch: 2, latency: 3, runs: 4 } as const;

/** An order.created of its own contact and order, as a shop sends it (phone included, for the SMS). */
export function orderCreated(key: string, block: number, serial: number): FlowEvent {
  return {
    id: `evt-${key}`,
    type: 'order.created',
    occurredAt: new Date().toISOString(),
    contact: { id: `c-${key}`, email: `${key}@bench.example`, phone: `+42077${block}${String(serial).padStart(6, '0')}`, firstName: 'Bench', tags: [] },
    order: { id: `o-${key}`, number: key, total: 990, currency: 'CZK', items: [{ sku: 'MUG-1', name: 'Mug', price: 990, quantity: 1 }] },
  };
}

/** How many of the events the API accepted: only a 202 counts, and only its "accepted" ones. */
export async function sendEvents(url: string, events: FlowEvent[], log: (line: string) => void): Promise<number> {
  const response = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify(events.length === 1 ? events[0] : { events }),
  });
  const text = await response.text();
  if (response.status !== 202) {
    log(`POST /api/events answered ${response.status}: ${text.slice(0, 200)}`);
    return 0;
  }
  return (JSON.parse(text) as { accepted: number }).accepted;
}
