import { beforeEach, describe, expect, it } from 'vitest';
import { resolveContact } from './contacts';
import { findSuppression, listSuppressions, suppress, unsuppress } from './suppressions';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

describe('suppressions', () => {
  beforeEach(async () => {
    await db.reset();
    for (const id of ['ann', 'bob']) await db.sql.begin((tx) => resolveContact(tx, { id }));
  });

  it('a channel suppression blocks that channel only; "all" blocks both', async () => {
    await suppress(db.sql, { contactId: 'ann', channel: 'sms', reason: 'replied STOP' });
    expect(await findSuppression(db.sql, 'ann', 'sms')).toEqual({ contactId: 'ann', channel: 'sms', reason: 'replied STOP', createdAt: expect.any(String) });
    expect(await findSuppression(db.sql, 'ann', 'email')).toBeUndefined();
    await suppress(db.sql, { contactId: 'bob', channel: 'all', reason: 'asked to be forgotten' });
    expect(await findSuppression(db.sql, 'bob', 'email')).toMatchObject({ channel: 'all', reason: 'asked to be forgotten' });
    expect(await findSuppression(db.sql, 'bob', 'sms')).toMatchObject({ channel: 'all' });
  });

  it('suppressing again re-words it; unsuppress lifts it', async () => {
    const first = await suppress(db.sql, { contactId: 'ann', channel: 'email', reason: 'unsubscribed' });
    const again = await suppress(db.sql, { contactId: 'ann', channel: 'email', reason: 'hard bounce' });
    expect(again).toEqual({ ...first, reason: 'hard bounce' });
    expect(await listSuppressions(db.sql, { contactId: 'ann' })).toEqual([again]);
    expect(await unsuppress(db.sql, 'ann', 'email')).toBe(true);
    expect(await unsuppress(db.sql, 'ann', 'email')).toBe(false);
    expect(await findSuppression(db.sql, 'ann', 'email')).toBeUndefined();
  });

  it('rejects an unknown contact', async () => {
    await expect(suppress(db.sql, { contactId: 'nobody', channel: 'email', reason: 'x' })).rejects.toThrow(/foreign key/);
  });
});
