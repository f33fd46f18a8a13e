import { describe, expect, it } from 'vitest';
import { findEffect, saveEffect } from './effects';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

describe('effects', () => {
  it('keeps the first result for a key: a retry gets what the first attempt did', async () => {
    expect(await findEffect(db.sql, 'wf:sms:1')).toBeUndefined();
    const first = { status: 'sent' as const, messageId: 'msg_1' };
    expect(await saveEffect(db.sql, { key: 'wf:sms:1', runId: 'r1', nodeId: 'sms', type: 'action.sendSms', result: first })).toEqual(first);
    const second = { status: 'failed' as const, reason: 'HTTP 500' };
    expect(await saveEffect(db.sql, { key: 'wf:sms:1', runId: 'r1', nodeId: 'sms', type: 'action.sendSms', result: second })).toEqual(first);
    expect(await findEffect(db.sql, 'wf:sms:1')).toEqual(first);
  });

  it('stores a patch as given', async () => {
    const result = { status: 'done' as const, patch: { codes: { welcome: 'W001' }, contact: { tags: ['vip'] } } };
    await saveEffect(db.sql, { key: 'wf:code:1', runId: 'r1', nodeId: 'code', type: 'action.assignCode', result });
    expect(await findEffect(db.sql, 'wf:code:1')).toEqual(result);
  });
});
