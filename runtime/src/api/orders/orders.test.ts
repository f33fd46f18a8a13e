import { describe, expect, it } from 'vitest';
import { useTestApi } from '../test-api';
import { contactEvent, ingestAsShop } from '../test-ingest';

const api = useTestApi();

describe('orders API', () => {
  it('shows an order merged from its events, with the events newest first', async () => {
    const [ann] = await ingestAsShop(
      api,
      contactEvent('created', { email: 'ann@example.com' }, { type: 'order.created', order: { id: 'o1', number: '1001', total: 990, items: [{ sku: 'TEA', quantity: 2 }] } }),
      contactEvent('paid', { email: 'ann@example.com' }, { type: 'order.paid', occurredAt: '2026-03-02T12:00:00Z', order: { id: 'o1', paymentStatus: 'paid', items: [] } }),
    );
    const res = await api.request('GET', '/api/orders/o1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      order: { id: 'o1', number: '1001', total: 990, paymentStatus: 'paid', items: [{ sku: 'TEA', quantity: 2 }] },
      contactId: ann,
      createdAt: '2026-03-02T10:00:00.000Z',
      events: { items: [expect.objectContaining({ event: expect.objectContaining({ id: 'paid' }) }), expect.objectContaining({ event: expect.objectContaining({ id: 'created' }) })] },
    });
    const page = await api.request('GET', '/api/orders/o1/events?limit=1');
    expect(page.body.items.map((e: { event: { id: string } }) => e.event.id)).toEqual(['paid']);
    const next = await api.request('GET', `/api/orders/o1/events?limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((e: { event: { id: string } }) => e.event.id)).toEqual(['created']);
  });

  it('answers 404 for an unknown order, and needs the admin token', async () => {
    expect((await api.request('GET', '/api/orders/nope')).body.error).toEqual({ code: 'not_found', message: 'order "nope" does not exist' });
    expect((await api.request('GET', '/api/orders/nope/events')).status).toBe(404);
    expect((await api.request('GET', '/api/orders/nope', { as: 'shop' })).status).toBe(401);
  });
});
