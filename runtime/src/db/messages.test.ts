import { beforeEach, describe, expect, it } from 'vitest';
import { resolveContact } from './contacts';
import { getMessage, insertMessage, listMessages, recentMarketingSends, updateMessageStatus, type NewMessage } from './messages';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

const sms = (key: string, extra: Partial<NewMessage> = {}): NewMessage => ({
  idempotencyKey: key,
  runId: 'r1',
  flowId: 'f1',
  nodeId: 'sms',
  contactId: 'ann',
  channel: 'sms',
  marketing: true,
  to: '+420777000111',
  body: 'Your order is waiting',
  status: 'queued',
  ...extra,
});

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

  it('lists by flow and contact, newest first', async () => {
    await insertMessage(db.sql, sms('k1'));
    await insertMessage(db.sql, sms('k2', { contactId: 'bob', channel: 'email', to: 'bob@example.com', subject: 'Hi' }));
    await insertMessage(db.sql, sms('k3', { flowId: 'f2' }));
    const keys = async (filter: Parameters<typeof listMessages>[1]) => (await listMessages(db.sql, filter)).map((m) => m.idempotencyKey);
    expect(await keys({ flowId: 'f1' })).toEqual(['k2', 'k1']);
    expect(await keys({ contactId: 'ann' })).toEqual(['k3', 'k1']);
    expect(await keys({ flowId: 'f1', contactId: 'ann' })).toEqual(['k1']);
    expect(await keys({ channel: 'email' })).toEqual(['k2']);
  });

  it("answers the frequency cap: the contact's real marketing sends since a time", async () => {
    const sent = (key: string, at: string, extra: Partial<NewMessage> = {}) => insertMessage(db.sql, sms(key, { status: 'sent', sentAt: at, ...extra }));
    await sent('old', '2026-03-01T00:00:00Z');
    await sent('a', '2026-03-02T09:00:00Z');
    await sent('b', '2026-03-02T08:00:00Z');
    await sent('transactional', '2026-03-02T09:30:00Z', { marketing: false });
    await sent('test', '2026-03-02T09:30:00Z', { test: true });
    await sent('failed', '2026-03-02T09:30:00Z', { status: 'failed' });
    await sent('bob', '2026-03-02T09:30:00Z', { contactId: 'bob' });
    expect(await recentMarketingSends(db.sql, 'ann', new Date('2026-03-02T00:00:00Z'))).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z']);
  });
});
