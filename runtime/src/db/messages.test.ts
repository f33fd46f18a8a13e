import { beforeEach, describe, expect, it } from 'vitest';
import { resolveContact } from './contacts';
import { getMessage, insertMessage, listMessages, messageStateByKey, recentMarketingSends, requeueFailedMessage, updateMessageStatus, type NewMessage } from './messages';
import { useTestDatabase } from './test-database';
import { testSms } from './test-messages';

const db = useTestDatabase();

/** A queued marketing SMS (not yet sent, so no sentAt). */
const sms = (key: string, extra: Partial<NewMessage> = {}): NewMessage => {
  const { sentAt: _unsent, ...row } = testSms(key, { marketing: true, body: 'Your order is waiting', status: 'queued' });
  return { ...row, ...extra };
};

describe('messages', () => {
  beforeEach(async () => {
    await db.reset();
    for (const id of ['ann', 'bob']) await db.sql.begin((tx) => resolveContact(tx, { id }));
  });

  it('stores one message per idempotency key, even for concurrent attempts', async () => {
    const attempts = await Promise.all(Array.from({ length: 8 }, () => insertMessage(db.sql, sms('wf:sms:1'))));
    expect(attempts.filter((a) => a.inserted)).toHaveLength(1);
    expect(new Set(attempts.map((a) => a.message.id)).size).toBe(1);
    expect(attempts[0]?.message).toEqual({
      id: expect.stringMatching(/^msg_/),
      idempotencyKey: 'wf:sms:1',
      runId: 'r1',
      flowId: 'f1',
      nodeId: 'sms',
      contactId: 'ann',
      channel: 'sms',
      marketing: true,
      to: '+420777000111',
      body: 'Your order is waiting',
      status: 'queued',
      test: false,
      createdAt: expect.any(String),
    });
  });

  it('records what the provider said', async () => {
    const { message } = await insertMessage(db.sql, sms('k1'));
    await updateMessageStatus(db.sql, message.id, { status: 'sent', provider: 'outbox', providerId: 'p-1', sentAt: '2026-03-02T10:00:00Z' });
    const delivered = await updateMessageStatus(db.sql, message.id, { status: 'delivered' });
    expect(delivered).toMatchObject({ status: 'delivered', provider: 'outbox', providerId: 'p-1', sentAt: '2026-03-02T10:00:00.000Z' });
    expect(await getMessage(db.sql, message.id)).toEqual(delivered);
    expect(await updateMessageStatus(db.sql, 'nope', { status: 'sent', sentAt: '2026-03-02T10:00:00Z' })).toBeUndefined();
  });

  it('the database refuses a sent message without a send time', async () => {
    const { message } = await insertMessage(db.sql, sms('k1'));
    await expect(updateMessageStatus(db.sql, message.id, { status: 'sent' })).rejects.toThrow(/check constraint/);
  });

  it("tells a message's state by its key, and requeues only a failed one", async () => {
    const { message } = await insertMessage(db.sql, sms('k1', { status: 'failed', reason: 'HTTP 503' }));
    expect(await messageStateByKey(db.sql, 'k1')).toEqual({ id: message.id, channel: 'sms', status: 'failed', reason: 'HTTP 503' });
    expect(await messageStateByKey(db.sql, 'nope')).toBeUndefined();
    await requeueFailedMessage(db.sql, message.id);
    expect(await messageStateByKey(db.sql, 'k1')).toEqual({ id: message.id, channel: 'sms', status: 'queued' });
    await updateMessageStatus(db.sql, message.id, { status: 'sent', sentAt: '2026-03-02T10:00:00Z' });
    await requeueFailedMessage(db.sql, message.id);
    expect(await messageStateByKey(db.sql, 'k1')).toEqual({ id: message.id, channel: 'sms', status: 'sent' });
  });

  it('lists by flow and contact, newest first', async () => {
    await insertMessage(db.sql, sms('k1'));
    await insertMessage(db.sql, sms('k2', { contactId: 'bob', channel: 'email', to: 'bob@example.com', subject: 'Hi' }));
    await insertMessage(db.sql, sms('k3', { flowId: 'f2' }));
    const keys = async (filter: Parameters<typeof listMessages>[1]) => (await listMessages(db.sql, filter)).items.map((m) => m.idempotencyKey);
    expect(await keys({ flowId: 'f1' })).toEqual(['k2', 'k1']);
    expect(await keys({ contactId: 'ann' })).toEqual(['k3', 'k1']);
    expect(await keys({ flowId: 'f1', contactId: 'ann' })).toEqual(['k1']);
    expect(await keys({ channel: 'email' })).toEqual(['k2']);
  });

  it('pages through messages created within the same millisecond, none skipped', async () => {
    for (const key of ['k1', 'k2', 'k3']) await insertMessage(db.sql, sms(key));
    await db.sql`update messages set created_at = '2026-03-02T10:00:00.000100Z' where idempotency_key = 'k1'`;
    await db.sql`update messages set created_at = '2026-03-02T10:00:00.000300Z' where idempotency_key = 'k2'`;
    await db.sql`update messages set created_at = '2026-03-02T10:00:00.000200Z' where idempotency_key = 'k3'`;
    const pages: string[][] = [];
    let page = await listMessages(db.sql, { limit: 1 });
    pages.push(page.items.map((m) => m.idempotencyKey));
    while (page.next) {
      page = await listMessages(db.sql, { limit: 1, before: page.next });
      pages.push(page.items.map((m) => m.idempotencyKey));
    }
    expect(pages).toEqual([['k2'], ['k3'], ['k1']]);
    expect((await listMessages(db.sql, { limit: 1 })).next).toEqual({ at: '2026-03-02T10:00:00.000300Z', id: expect.stringMatching(/^msg_/) });
  });

  it("answers the frequency cap: the contact's real marketing sends between a time and now", async () => {
    const sent = (key: string, at: string, extra: Partial<NewMessage> = {}) => insertMessage(db.sql, sms(key, { status: 'sent', sentAt: at, ...extra }));
    await sent('old', '2026-03-01T00:00:00Z');
    await sent('a', '2026-03-02T09:00:00Z');
    await sent('b', '2026-03-02T08:00:00Z');
    await sent('transactional', '2026-03-02T09:30:00Z', { marketing: false });
    await sent('test', '2026-03-02T09:30:00Z', { test: true });
    await sent('failed', '2026-03-02T09:30:00Z', { status: 'failed' });
    await sent('bob', '2026-03-02T09:30:00Z', { contactId: 'bob' });
    await sent('later', '2026-03-02T12:00:00Z');
    const since = new Date('2026-03-02T00:00:00Z');
    expect(await recentMarketingSends(db.sql, 'ann', since, new Date('2026-03-02T10:00:00Z'))).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z']);
    expect(await recentMarketingSends(db.sql, 'ann', since, new Date('2026-03-02T08:30:00Z'))).toEqual(['2026-03-02T08:00:00.000Z']);
  });
});
