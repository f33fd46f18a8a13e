import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveEffect } from '../db/effects';
import { listMessages } from '../db/messages';
import { useTestDatabase } from '../db/test-database';
import { defineExecutor } from './executor-registry';
import { executorRegistry } from './executors/index';
import { createFlowActivities } from './index';
import { NOW, effectCommand, failureOf, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

const db = useTestDatabase();
const sms = { body: 'Hi {{ contact.firstName }}', transactional: true };

describe('executeEffect', () => {
  beforeEach(async () => {
    await db.reset();
    await storeContact(db.sql);
  });

  it('answers a key it has a result for from the effects table, without acting', async () => {
    const channels = recordingChannels();
    const { executeEffect } = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels, now: () => NOW });
    const command = effectCommand('action.sendSms', sms);
    await saveEffect(db.sql, { key: command.idempotencyKey, runId: 'run-1', nodeId: 'node', type: 'action.sendSms', result: { status: 'sent', messageId: 'earlier' } });

    expect(await executeEffect({ run: runRef(), command })).toEqual({ status: 'sent', messageId: 'earlier' });
    expect(channels.sms.sent).toEqual([]);
  });

  it('sends once for the same key called twice, and returns the same result', async () => {
    const channels = recordingChannels();
    const { executeEffect } = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels, now: () => NOW });
    const command = effectCommand('action.sendSms', sms);

    const first = await executeEffect({ run: runRef(), command });
    const second = await executeEffect({ run: runRef(), command });
    expect(first).toEqual({ status: 'sent', messageId: expect.stringMatching(/^msg_/) });
    expect(second).toEqual(first);
    expect(channels.sms.sent.map((m) => m.body)).toEqual(['Hi Ann']);
  });

  it('sends once under 10 concurrent calls with the same key; every call gets the same result', async () => {
    const channels = recordingChannels();
    const { executeEffect } = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels, now: () => NOW });
    const command = effectCommand('action.sendSms', sms);

    const results = await Promise.all(Array.from({ length: 10 }, () => executeEffect({ run: runRef(), command })));
    expect(channels.sms.sent).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ status: 'sent', messageId: channels.sms.sent[0]?.id })]));
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'sent', provider: 'twilio', providerId: 'twilio-1' }]);
  });

  it.each(['transaction', 'external'] as const)('runs a %s executor once under 10 concurrent calls with the same key', async (kind) => {
    let calls = 0;
    const execute = async ({ config }: { config: { n: number } }) => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { status: 'done' as const, reason: `call ${calls} of ${config.n}` };
    };
    const counting = kind === 'transaction' ? defineExecutor({ type: 'test.count', kind, execute }) : defineExecutor({ type: 'test.count', kind, execute });
    const { executeEffect } = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels(), executors: executorRegistry.extend([counting]) });
    const command = effectCommand('test.count', { n: 7 });

    const results = await Promise.all(Array.from({ length: 10 }, () => executeEffect({ run: runRef(), command })));
    expect(calls).toBe(1);
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ status: 'done', reason: 'call 1 of 7' })));
  });

  it('refuses, without retries, an effect whose type has no executor', async () => {
    const { executeEffect } = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels() });
    const command = effectCommand('acme.addPoints', { points: 5 }, { nodeId: 'points' });

    expect(await failureOf(executeEffect({ run: runRef(), command }))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'node "points" has the type "acme.addPoints", which this worker cannot carry out: no executor is registered for it',
    });
  });

  it('refuses, without retries, a config its node type rejects, naming the node and field', async () => {
    const channels = recordingChannels();
    const { executeEffect } = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels });

    const empty = effectCommand('action.sendSms', { body: '' }, { nodeId: 'sms' });
    expect(await failureOf(executeEffect({ run: runRef(), command: empty }))).toMatchObject({
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'node "sms" (action.sendSms) has an invalid config: body: the message is empty',
    });
    const protectedField = effectCommand('action.updateContact', { set: { id: 'bob' } }, { nodeId: 'update' });
    expect((await failureOf(executeEffect({ run: runRef(), command: protectedField }))).message).toMatch(
      /^node "update" \(action\.updateContact\) has an invalid config: set\.id: "id" cannot be set here/,
    );
    expect(channels.sms.sent).toEqual([]);
  });
});
