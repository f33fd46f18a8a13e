import type { FlowEvent } from '@nudgeflow/shared';
import { expect } from 'vitest';
import type { TestApi } from './test-api';

/** An event of the contact: customer.registered at 2026-03-02 10:00 UTC unless `extra` says otherwise. */
export const contactEvent = (id: string, contact: FlowEvent['contact'], extra: Partial<FlowEvent> = {}): FlowEvent => ({
  id,
  type: 'customer.registered',
  occurredAt: '2026-03-02T10:00:00Z',
  contact,
  ...extra,
});

/** Ingests through the API, as a shop would (the request must be accepted); answers the contact ids in order. */
export async function ingestAsShop(api: TestApi, ...events: FlowEvent[]): Promise<string[]> {
  const res = await api.request('POST', '/api/events', { as: 'shop', body: events });
  expect(res.status).toBe(202);
  return res.body.results.map((r: { contactId: string }) => r.contactId);
}
