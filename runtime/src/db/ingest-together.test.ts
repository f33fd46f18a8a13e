import type { FlowEvent } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockCandidates, resolveFromCandidates } from './contact-candidates';
import { resolveContact } from './contacts';
import { ingestEvent, ingestEvents } from './ingest-event';
import { readForIngestion, splitIngestion } from './ingest-together';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

const at = '2026-03-02T10:00:00Z';
const event = (id: string, type: string, contact: FlowEvent['contact'], order?: FlowEvent['order']): FlowEvent => ({
  id,
  type,
  occurredAt: at,
  contact,
  ...(order ? { order } : {}),
});
const item = (sku: string) => ({ sku, quantity: 1, price: 100 });

/** Contacts Ann (email, phone, shop id), Bob (a mixed-case email) and Carl (a shop id), and Ann's counted order. */
async function storeBefore(): Promise<void> {
  await ingestEvent(db.sql, event('pre-ann', 'order.created', { id: 'ann', email: 'ann@example.com', phone: '+420 111 111 111', externalId: 'shop-ann' }, { id: 'o-ann', items: [item('TEA')] }));
  await ingestEvent(db.sql, event('pre-bob', 'customer.registered', { id: 'bob', email: 'Bob@Example.com' }));
  await ingestEvent(db.sql, event('pre-carl', 'customer.registered', { id: 'carl', externalId: 'shop-carl', firstName: 'Carl' }));
}

const batch: FlowEvent[] = [
  event('new', 'order.created', { email: 'new@example.com', firstName: 'Nina' }, { id: 'o-new', total: 250, items: [item('MUG'), item('TEA')] }),
  event('ann-paid', 'order.paid', { phone: '+420111111111' }, { id: 'o-ann', paymentStatus: 'paid', items: [] }),
  event('bob-login', 'customer.login', { email: 'bob@example.com', lastName: 'Brown' }),
  event('dan', 'order.created', { id: 'dan', tags: ['vip'] }, { id: 'o-dan', items: [item('CUP')], createdAt: '2026-03-01T08:00:00Z' }),
  // Names Ann by her shop id too: Ann's row is named twice, so both of these go one by one.
  event('carl-claims', 'customer.registered', { id: 'carl', externalId: 'shop-ann' }),
  event('eve-1', 'order.created', { email: 'eve@example.com' }, { id: 'o-eve', items: [item('TEA')] }),
  event('eve-2', 'order.cancelled', { email: 'eve@example.com' }, { id: 'o-eve', status: 'cancelled', items: [] }),
];

/** What the tables hold, without generated ids and clock times. */
async function tables() {
  const contacts = await db.sql<{ key: string; data: Record<string, unknown> }[]>`
    select coalesce(email, id) as key, data - 'id' as data from contacts order by 1`;
  const orders = await db.sql`
    select o.id, coalesce(c.email, c.id) as contact, o.number, o.status, o.payment_status, o.total, o.created_at, o.counted_at is not null as counted,
           o.cancelled_at, o.data
    from orders o join contacts c on c.id = o.contact_id order by o.id`;
  const items = await db.sql`select order_id, position, sku, quantity, price, data from order_items order by order_id, position`;
  const events = await db.sql`
    select e.id, coalesce(c.email, c.id) as contact, e.order_id, e.data, o.id is not null as in_outbox
    from events e join contacts c on c.id = e.contact_id left join outbox o on o.event_id = e.id order by e.id`;
  return { contacts, orders, items, events };
}

describe('ingesting independent events together', () => {
  beforeEach(() => db.reset());

  it('writes together only the events that share no key and name no stored contact another one names', async () => {
    await storeBefore();
    const split = await db.sql.begin(async (tx) => splitIngestion(batch, (await readForIngestion(tx, batch, { lockKeys: [], lookForStored: false })).candidates));
    expect(split.together.map((t) => [t.event.id, t.found?.id])).toEqual([
      ['new', undefined],
      ['bob-login', 'bob'],
      ['dan', undefined],
    ]);
    expect(split.oneByOne.map((e) => e.id)).toEqual(['ann-paid', 'carl-claims', 'eve-1', 'eve-2']);
  });

  it('leaves exactly what storing the events one at a time, in order, leaves', async () => {
    await storeBefore();
    const results = await ingestEvents(db.sql, batch);
    expect(results.map((r) => r.status)).toEqual(batch.map(() => 'stored'));
    const together = await tables();

    await db.reset();
    await storeBefore();
    for (const e of batch) await ingestEvent(db.sql, e);
    expect(together).toEqual(await tables());
    // Spot checks that the comparison compares something.
    // Found by email in any case; the address the event brings wins.
    expect(together.contacts.find((c) => c.key === 'Bob@Example.com')).toBeUndefined();
    expect(together.contacts.find((c) => c.key === 'bob@example.com')?.data).toMatchObject({ lastName: 'Brown', lastLoginAt: at });
    expect(together.contacts.find((c) => c.key === 'ann@example.com')?.data).toMatchObject({ externalId: 'shop-ann', orderCount: 1 });
    expect(together.contacts.find((c) => c.key === 'carl')?.data).toMatchObject({ externalId: 'shop-carl' });
    expect(together.items.map((i) => `${String(i.order_id)}/${String(i.sku)}`)).toEqual(['o-ann/TEA', 'o-dan/CUP', 'o-eve/TEA', 'o-new/MUG', 'o-new/TEA']);
  });

  it('keeps one person’s events of a batch in order in the outbox', async () => {
    await ingestEvents(db.sql, [
      event('a1', 'order.created', { email: 'a@example.com' }, { id: 'oa', items: [] }),
      event('b1', 'product.viewed', { email: 'b@example.com' }),
      event('a2', 'order.paid', { email: 'a@example.com' }, { id: 'oa', items: [] }),
    ]);
    const outbox = await db.sql<{ event_id: string }[]>`select event_id from outbox order by id`;
    const order = outbox.map((r) => r.event_id);
    expect(order.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2']);
    expect(order).toHaveLength(3);
  });
});

describe('resolveFromCandidates', () => {
  beforeEach(() => db.reset());

  it('finds the contact resolveContact finds, by the same rules', async () => {
    const stored: FlowEvent['contact'][] = [
      { id: 'a', email: 'shared@example.com', externalId: 'ext-a' },
      { id: 'b', email: 'shared@example.com' },
      { id: 'c', phone: '+420 333 333 333', email: 'c@example.com' },
      { id: 'd', phone: '+420333333333' },
      { id: 'e', externalId: 'ext-e' },
    ];
    for (const contact of stored) await db.sql.begin((tx) => resolveContact(tx, contact));
    const refs: [FlowEvent['contact'], string | undefined][] = [
      [{ email: ' SHARED@example.com' }, 'a'],
      [{ email: 'shared@example.com', externalId: 'ext-other' }, 'b'],
      [{ externalId: 'ext-e', email: 'shared@example.com' }, 'e'],
      [{ phone: '+420333333333', email: 'd@example.com' }, 'd'],
      [{ phone: '420-333-333-333' }, undefined],
      [{ phone: '+420333333333' }, 'c'],
      [{ externalId: 'ext-new', phone: '+420333333333' }, 'c'],
      [{ id: 'unknown', email: 'shared@example.com' }, undefined],
      [{ email: 'nobody@example.com' }, undefined],
    ];
    for (const [ref, expected] of refs) {
      const [viaCandidates, viaFind] = await db.sql
        .begin(async (tx) => {
          const found = resolveFromCandidates(ref, await lockCandidates(tx, [ref]))?.id;
          const resolved = (await resolveContact(tx, ref)).id;
          // Rolled back: resolveContact stores what it resolves.
          throw Object.assign(new Error('rollback'), { found, resolved });
        })
        .catch((error: { found?: string; resolved: string }) => [error.found, error.resolved]);
      expect([JSON.stringify(ref), viaCandidates]).toEqual([JSON.stringify(ref), expected]);
      if (expected !== undefined) expect(viaFind).toBe(expected);
      else expect(stored.map((c) => c.id)).not.toContain(viaFind);
    }
  });
});
