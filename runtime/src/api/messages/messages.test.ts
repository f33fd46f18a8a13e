import { beforeEach, describe, expect, it } from 'vitest';
import { createFlow, createRun, insertMessage, publishFlow, resolveContact } from '../../db';
import { paymentReminder } from '../../temporal/test-flows';
import { useTestApi } from '../test-api';
import { testSms } from '../../db/test-messages';

const api = useTestApi();

const sms = testSms;

describe('messages API', () => {
  beforeEach(async () => {
    for (const id of ['ann', 'bob']) await api.db.sql.begin((tx) => resolveContact(tx, { id }));
    await createFlow(api.db.sql, { id: 'f1', graph: paymentReminder() });
    await publishFlow(api.db.sql, 'f1');
    await createRun(api.db.sql, { id: 'r1', flowId: 'f1', flowVersion: 1, contactId: 'ann', workflowId: 'flow/f1/ann', startedAt: '2026-03-02T10:00:00.000Z' });
    await insertMessage(api.db.sql, sms('k1'));
    await insertMessage(api.db.sql, sms('k2', { channel: 'email', to: 'ann@example.com', subject: 'Hi', contactId: 'ann' }));
    await insertMessage(api.db.sql, sms('k3', { contactId: 'bob', flowId: 'f2', runId: 'r7', status: 'skipped', reason: 'no SMS consent', sentAt: undefined }));
  });

  const keys = async (query: string) => (await api.request('GET', `/api/messages${query}`)).body.items.map((m: { idempotencyKey: string }) => m.idempotencyKey);

  it('lists messages newest first, filtered by flow, contact, run, channel and status', async () => {
    expect(await keys('')).toEqual(['k3', 'k2', 'k1']);
    expect(await keys('?flowId=f1')).toEqual(['k2', 'k1']);
    expect(await keys('?contactId=bob')).toEqual(['k3']);
    expect(await keys('?runId=r1&channel=sms')).toEqual(['k1']);
    expect(await keys('?status=skipped')).toEqual(['k3']);
    const [skipped] = (await api.request('GET', '/api/messages?contactId=bob')).body.items;
    expect(skipped).toEqual({
      id: expect.stringMatching(/^msg_/),
      idempotencyKey: 'k3',
      runId: 'r7',
      flowId: 'f2',
      nodeId: 'sms',
      contactId: 'bob',
      channel: 'sms',
      marketing: false,
      to: '+420777000111',
      body: 'Order 1001 is still waiting for payment.',
      status: 'skipped',
      reason: 'no SMS consent',
      test: false,
      createdAt: expect.any(String),
    });
    expect((await api.request('GET', '/api/messages?channel=fax')).status).toBe(400);
  });

  it('pages through messages created within the same millisecond', async () => {
    await api.db.sql`update messages set created_at = '2026-03-02T10:00:00.000100Z' where idempotency_key = 'k1'`;
    await api.db.sql`update messages set created_at = '2026-03-02T10:00:00.000300Z' where idempotency_key = 'k2'`;
    await api.db.sql`update messages set created_at = '2026-03-02T10:00:00.000200Z' where idempotency_key = 'k3'`;
    const first = await api.request('GET', '/api/messages?limit=1');
    const second = await api.request('GET', `/api/messages?limit=1&cursor=${first.body.nextCursor}`);
    const third = await api.request('GET', `/api/messages?limit=1&cursor=${second.body.nextCursor}`);
    expect([first, second, third].map((page) => page.body.items.map((m: { idempotencyKey: string }) => m.idempotencyKey))).toEqual([['k2'], ['k3'], ['k1']]);
    expect(third.body.nextCursor).toBeUndefined();
  });

  it('needs the admin token', async () => {
    expect((await api.request('GET', '/api/messages', { as: 'shop' })).status).toBe(401);
  });
});
