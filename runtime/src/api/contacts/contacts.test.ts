import { beforeEach, describe, expect, it } from 'vitest';
import { createFlow, createRun, publishFlow, suppress } from '../../db';
import { paymentReminder } from '../../temporal/test-flows';
import { useTestApi } from '../test-api';
import { contactEvent, ingestAsShop } from '../test-ingest';

const api = useTestApi();

describe('contacts API', () => {
  let ann: string;
  let bob: string;
  let cyril: string;

  beforeEach(async () => {
    // One request each: the contacts of one batch may be created in any order.
    [ann = ''] = await ingestAsShop(api, contactEvent('e1', { email: 'ann.novak@example.com', firstName: 'Ann', lastName: 'Novák', externalId: 'cust-1' }));
    [bob = ''] = await ingestAsShop(api, contactEvent('e2', { email: 'bob@shop.cz', firstName: 'Bob', phone: '+420 777 123 456' }));
    [cyril = ''] = await ingestAsShop(api, contactEvent('e3', { email: 'cyril@example.com', firstName: 'Cyril', lastName: 'Sale_50%' }));
  });

  const names = async (query: string) =>
    (await api.request('GET', `/api/contacts${query}`)).body.items.map((c: { firstName: string }) => c.firstName);

  it('finds contacts by part of the email or name, the end of the phone number, or the exact ids', async () => {
    expect(await names('')).toEqual(['Cyril', 'Bob', 'Ann']);
    expect(await names('?query=EXAMPLE.COM')).toEqual(['Cyril', 'Ann']);
    expect(await names('?query=ann%20nov')).toEqual(['Ann']);
    expect(await names('?query=777123456')).toEqual(['Bob']);
    expect(await names('?query=123')).toEqual([]);
    expect(await names('?query=cust-1')).toEqual(['Ann']);
    expect(await names(`?query=${bob}`)).toEqual(['Bob']);
    // "%" and "_" are matched as themselves, not as wildcards.
    expect(await names('?query=_50%25')).toEqual(['Cyril']);
    expect(await names('?query=%25')).toEqual(['Cyril']);
  });

  it('pages through contacts', async () => {
    const first = await api.request('GET', '/api/contacts?limit=2');
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([cyril, bob]);
    const second = await api.request('GET', `/api/contacts?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ann })] });
  });

  it('shows a contact with their events, orders, runs and suppressions', async () => {
    await ingestAsShop(
      api,
      contactEvent('o1-created', { id: ann }, { type: 'order.created', occurredAt: '2026-03-03T10:00:00Z', order: { id: 'o1', number: '1001', items: [{ sku: 'TEA', quantity: 1 }] } }),
      contactEvent('o1-paid', { id: ann }, { type: 'order.paid', occurredAt: '2026-03-03T11:00:00Z', order: { id: 'o1', items: [] } }),
    );
    await createFlow(api.db.sql, { id: 'f1', graph: paymentReminder() });
    await publishFlow(api.db.sql, 'f1');
    await createRun(api.db.sql, { id: 'r1', flowId: 'f1', flowVersion: 1, contactId: ann, orderId: 'o1', workflowId: 'flow/f1/o1', startedAt: '2026-03-03T10:00:01.000Z' });
    await suppress(api.db.sql, { contactId: ann, channel: 'sms', reason: 'unsubscribed' });

    const res = await api.request('GET', `/api/contacts/${ann}`);
    expect(res.status).toBe(200);
    expect(res.body.contact).toEqual({
      id: ann,
      externalId: 'cust-1',
      email: 'ann.novak@example.com',
      firstName: 'Ann',
      lastName: 'Novák',
      tags: [],
      orderCount: 1,
      lastOrderAt: '2026-03-03T10:00:00Z',
    });
    expect(res.body.events.items.map((e: { event: { id: string } }) => e.event.id)).toEqual(['o1-paid', 'o1-created', 'e1']);
    expect(res.body.events.items[0]).toEqual({ event: expect.objectContaining({ id: 'o1-paid', type: 'order.paid' }), contactId: ann, orderId: 'o1', receivedAt: expect.any(String) });
    expect(res.body.orders).toEqual([{ order: expect.objectContaining({ id: 'o1', number: '1001' }), contactId: ann, createdAt: '2026-03-03T10:00:00.000Z' }]);
    expect(res.body.runs).toEqual({ items: [expect.objectContaining({ id: 'r1', flowId: 'f1', status: 'running' })] });
    expect(res.body.suppressions).toEqual([{ contactId: ann, channel: 'sms', reason: 'unsubscribed', createdAt: expect.any(String) }]);
  });

  it("pages through a contact's events", async () => {
    await ingestAsShop(api, ...['a', 'b', 'c'].map((id) => contactEvent(id, { id: bob }, { type: 'product.viewed', occurredAt: '2026-03-05T10:00:00.000001Z' })));
    const first = await api.request('GET', `/api/contacts/${bob}/events?limit=2`);
    expect(first.body.items.map((e: { event: { id: string } }) => e.event.id)).toEqual(['c', 'b']);
    const second = await api.request('GET', `/api/contacts/${bob}/events?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((e: { event: { id: string } }) => e.event.id)).toEqual(['a', 'e2']);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('answers 404 for an unknown contact, and needs the admin token', async () => {
    expect((await api.request('GET', '/api/contacts/nope')).body.error).toEqual({ code: 'not_found', message: 'contact "nope" does not exist' });
    expect((await api.request('GET', '/api/contacts/nope/events')).status).toBe(404);
    expect((await api.request('GET', '/api/contacts', { as: 'shop' })).status).toBe(401);
  });
});
