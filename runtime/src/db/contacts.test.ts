import type { ContactRef } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { getContact, listContacts, resolveContact, updateContact } from './contacts';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();
const resolve = (ref: ContactRef) => db.sql.begin((tx) => resolveContact(tx, ref));
const count = async () => (await db.sql<{ n: number }[]>`select count(*)::int as n from contacts`)[0]?.n;

describe('resolveContact', () => {
  beforeEach(() => db.reset());

  it('creates an unknown contact with a generated id, and finds it again by any key', async () => {
    const created = await resolve({ email: 'Ann@Example.com', phone: '+420 777 123 456', firstName: 'Ann' });
    expect(created).toEqual({ id: expect.stringMatching(/^ct_/), email: 'Ann@Example.com', phone: '+420 777 123 456', firstName: 'Ann', tags: [] });
    expect(await getContact(db.sql, created.id)).toEqual(created);
    expect((await resolve({ email: 'ann@EXAMPLE.com' })).id).toBe(created.id);
    expect((await resolve({ phone: '+420777123456' })).id).toBe(created.id);
    expect(await count()).toBe(1);
  });

  it('keeps the id an event gives for a new contact', async () => {
    expect(await resolve({ id: 'shop-42', email: 'x@example.com' })).toEqual({ id: 'shop-42', email: 'x@example.com', tags: [] });
  });

  it.each([
    { ref: { id: 'a', externalId: 'ext-b', email: 'c@example.com', phone: '333' }, found: 'a' },
    { ref: { externalId: 'ext-b', email: 'a@example.com', phone: '333' }, found: 'b' },
    { ref: { email: 'C@example.com', phone: '111' }, found: 'c' },
    { ref: { phone: '222' }, found: 'b' },
  ])('looks up by id, then externalId, then email, then phone: $ref -> $found', async ({ ref, found }) => {
    await resolve({ id: 'a', email: 'a@example.com', phone: '111' });
    await resolve({ id: 'b', externalId: 'ext-b', phone: '222' });
    await resolve({ id: 'c', email: 'c@example.com', phone: '333' });
    expect((await resolve(ref)).id).toBe(found);
    expect(await count()).toBe(3);
  });

  it('merges what the event says into the stored contact', async () => {
    await resolve({ id: 'c1', email: 'ann@example.com', tags: ['vip'], attributes: { size: 38 } });
    const merged = await resolve({ email: 'ann@example.com', externalId: 'E1', firstName: 'Ann', tags: ['new'], attributes: { city: 'Brno' } });
    const expected = { id: 'c1', email: 'ann@example.com', externalId: 'E1', firstName: 'Ann', tags: ['vip', 'new'], attributes: { size: 38, city: 'Brno' } };
    expect(merged).toEqual(expected);
    expect(await getContact(db.sql, 'c1')).toEqual(expected);
    // The columns follow: the contact is now found by its externalId.
    expect((await resolve({ externalId: 'E1' })).id).toBe('c1');
  });

  it('does not merge into a contact whose externalId says it is another customer', async () => {
    await resolve({ id: 'c1', externalId: 'E1', email: 'shared@example.com' });
    const other = await resolve({ externalId: 'E2', email: 'shared@example.com' });
    expect(other.id).not.toBe('c1');
    expect(await getContact(db.sql, 'c1')).toEqual({ id: 'c1', externalId: 'E1', email: 'shared@example.com', tags: [] });
  });

  it('does not match a phone whose contact has a different email', async () => {
    await resolve({ id: 'parent', email: 'parent@example.com', phone: '777' });
    const child = await resolve({ email: 'child@example.com', phone: '777' });
    expect(child.id).not.toBe('parent');
    // Without an email of its own, the phone matches.
    expect((await resolve({ phone: '777' })).id).toBe('parent');
  });

  it('keeps the stored externalId when the one an event gives belongs to another contact', async () => {
    await resolve({ id: 'c1', externalId: 'E1' });
    await resolve({ id: 'c2', externalId: 'E2' });
    expect(await resolve({ id: 'c1', externalId: 'E2', firstName: 'Ann' })).toEqual({ id: 'c1', externalId: 'E1', firstName: 'Ann', tags: [] });
  });

  it('creates one contact when events about the same new customer arrive together', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => resolve({ email: 'rush@example.com', attributes: { [`k${i}`]: i } })));
    expect(new Set(results.map((c) => c.id)).size).toBe(1);
    expect(await count()).toBe(1);
    const stored = await getContact(db.sql, results[0]?.id ?? '');
    expect(Object.keys(stored?.attributes ?? {}).sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9']);
  });
});

describe('updateContact', () => {
  beforeEach(() => db.reset());

  it('applies a patch like the interpreter does: fields replace, null or undefined clears', async () => {
    await resolve({ id: 'c1', email: 'ann@example.com', phone: '+420777000111', firstName: 'Ann', tags: ['a'] });
    const updated = await updateContact(db.sql, 'c1', { firstName: undefined, phone: null, lastName: 'Novak', tags: ['b'] });
    expect(updated).toStrictEqual({ id: 'c1', email: 'ann@example.com', lastName: 'Novak', tags: ['b'] });
    expect(await getContact(db.sql, 'c1')).toStrictEqual(updated);
    const [row] = await db.sql`select phone from contacts where id = 'c1'`;
    expect(row).toEqual({ phone: null });
  });

  it('computes the patch from the current row under a lock, so concurrent tag changes all survive', async () => {
    await resolve({ id: 'c1', tags: [] });
    await Promise.all(
      ['x', 'y', 'z'].map((tag) => updateContact(db.sql, 'c1', (current) => ({ tags: [...current.tags, tag] }))),
    );
    expect((await getContact(db.sql, 'c1'))?.tags.sort()).toEqual(['x', 'y', 'z']);
  });

  it('returns undefined for an unknown contact', async () => {
    expect(await updateContact(db.sql, 'nobody', { firstName: 'X' })).toBeUndefined();
  });
});

describe('listContacts', () => {
  beforeEach(() => db.reset());

  it('searches by email, phone, externalId or id', async () => {
    await resolve({ id: 'c1', email: 'ann@example.com' });
    await resolve({ id: 'c2', phone: '+420 777 000 111', externalId: 'E2' });
    const ids = async (search: string) => (await listContacts(db.sql, { search })).map((c) => c.id);
    expect(await ids('ANN@example.com')).toEqual(['c1']);
    expect(await ids('+420777000111')).toEqual(['c2']);
    expect(await ids('E2')).toEqual(['c2']);
    expect(await ids('c1')).toEqual(['c1']);
    expect(await ids('nobody')).toEqual([]);
    expect((await listContacts(db.sql)).map((c) => c.id)).toEqual(['c2', 'c1']);
  });
});
