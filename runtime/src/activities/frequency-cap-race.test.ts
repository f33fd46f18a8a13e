import type { EffectResult } from '@nudgeflow/shared/interpreter';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageChannel, SmsMessage } from '../channels/types';
import { insertMessage } from '../db/messages';
import { useTestDatabase } from '../db/test-database';
import { CAP_LOST_RACE } from './cap-at-delivery';
import { createFlowActivities } from './index';
import { NOW, RecordingChannel, effectCommand, failureOf, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

/*
 * The frequency cap where a message is recorded: two flows that both passed the cap's lookup
 * send to the same contact at the same moment, and only as many messages as the cap allows go out.
 */

const db = useTestDatabase();
const HOUR = 3600;

/** Holds the first message inside the provider call until released: the moment another flow races it. */
class HeldSms implements MessageChannel<SmsMessage> {
  readonly provider = 'twilio';
  readonly idempotent = false;
  readonly sent: SmsMessage[] = [];
  release: () => void = () => undefined;
  readonly #released = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  async send(message: SmsMessage): Promise<{ providerId: string }> {
    this.sent.push(message);
    if (this.sent.length === 1) await this.#released;
    return { providerId: `twilio-${this.sent.length}` };
  }
}

function activitiesWith(sms: MessageChannel<SmsMessage>) {
  return createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: { ...recordingChannels(), sms }, now: () => NOW });
}

/** Flow `flowId`'s marketing SMS to ann under a cap of `max` per hour (`cap: false`: a command from before caps were carried). */
function smsCommand(flowId: string, options: { max?: number; test?: boolean; cap?: boolean } = {}) {
  const run = runRef({ runId: `run-${flowId}`, flowId, workflowId: `flow/${flowId}/ann`, ...(options.test ? { test: true } : {}) });
  const command = effectCommand('action.sendSms', { body: `From ${flowId}`, transactional: false }, { run, nodeId: 'sms', message: { channel: 'sms', marketing: true } });
  return { run, command: options.cap === false ? command : { ...command, cap: { max: options.max ?? 1, perSeconds: HOUR } } };
}

/**
 * Widens the gap between counting a contact's messages and recording the new one (every insert
 * into messages takes 100 ms): without the contact's lock, racing deliveries would all count
 * before any of them had written its row.
 */
async function withSlowInserts<T>(fn: () => Promise<T>): Promise<T> {
  await db.sql.unsafe(`
    create function slow_message_insert() returns trigger language plpgsql as $$ begin perform pg_sleep(0.1); return new; end $$;
    create trigger slow_message_insert before insert on messages for each row execute function slow_message_insert();`);
  try {
    return await fn();
  } finally {
    await db.sql.unsafe('drop trigger slow_message_insert on messages; drop function slow_message_insert();');
  }
}

async function messageRows() {
  return db.sql<{ flow_id: string; status: string; reason: string | null }[]>`select flow_id, status, reason from messages order by flow_id`;
}

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
});

describe('the frequency cap where the message is recorded', () => {
  it('lets one of two racing flows send under a cap of 1 and skips the other with the reason', async () => {
    const sms = new HeldSms();
    const activities = activitiesWith(sms);
    const results = await withSlowInserts(async () => {
      const a = activities.executeEffect(smsCommand('flow-a'));
      const b = activities.executeEffect(smsCommand('flow-b'));
      try {
        // The first is held inside the provider call, its message queued: the second must count it.
        expect(await Promise.race([a, b])).toEqual({ status: 'skipped', reason: CAP_LOST_RACE });
      } finally {
        sms.release();
      }
      return Promise.all([a, b]);
    });
    expect(results.map((r) => r.status).sort()).toEqual(['sent', 'skipped']);
    expect(sms.sent).toHaveLength(1);
    const sentBy = results[0]?.status === 'sent' ? 'flow-a' : 'flow-b';
    expect(sms.sent[0]?.body).toBe(`From ${sentBy}`);
    expect((await messageRows()).map((r) => [r.flow_id, r.status, r.reason])).toEqual(
      ['flow-a', 'flow-b'].map((flow) => (flow === sentBy ? [flow, 'sent', null] : [flow, 'skipped', CAP_LOST_RACE])),
    );
  });

  it('sends exactly as many as the cap allows when many flows send at once, even with slow writes', async () => {
    const sms = new RecordingChannel<SmsMessage>('twilio');
    const activities = activitiesWith(sms);
    const flows = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'];
    const results: EffectResult[] = await withSlowInserts(() => Promise.all(flows.map((flow) => activities.executeEffect(smsCommand(flow, { max: 2 })))));
    expect(results.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(results.filter((r) => r.status !== 'sent')).toEqual(Array.from({ length: 4 }, () => ({ status: 'skipped', reason: CAP_LOST_RACE })));
    expect(sms.sent).toHaveLength(2);
  });

  it('counts marketing messages of the period only, and leaves commands without a cap alone', async () => {
    const sms = new RecordingChannel<SmsMessage>('twilio');
    const activities = activitiesWith(sms);
    const sentAgo = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();
    await insertMessage(db.sql, { idempotencyKey: 'old', contactId: 'ann', channel: 'email', marketing: true, status: 'sent', sentAt: sentAgo(HOUR + 60) });
    await insertMessage(db.sql, { idempotencyKey: 'receipt', contactId: 'ann', channel: 'email', marketing: false, status: 'sent', sentAt: sentAgo(60) });
    await insertMessage(db.sql, { idempotencyKey: 'failed-send', contactId: 'ann', channel: 'email', marketing: true, status: 'failed', sentAt: sentAgo(60) });
    expect(await activities.executeEffect(smsCommand('flow-a'))).toMatchObject({ status: 'sent' });
    expect(await activities.executeEffect(smsCommand('flow-b'))).toEqual({ status: 'skipped', reason: CAP_LOST_RACE });
    expect(await activities.executeEffect(smsCommand('flow-c', { cap: false }))).toMatchObject({ status: 'sent' });
    expect(sms.sent.map((m) => m.body)).toEqual(['From flow-a', 'From flow-c']);
  });

  it('leaves test runs to the lookup: they are not capped here, and their messages never count', async () => {
    const sms = new RecordingChannel<SmsMessage>('twilio');
    const activities = activitiesWith(sms);
    expect(await activities.executeEffect(smsCommand('preview', { test: true }))).toMatchObject({ status: 'sent' });
    expect(await activities.executeEffect(smsCommand('flow-a'))).toMatchObject({ status: 'sent' });
    expect(await activities.executeEffect(smsCommand('preview-2', { test: true }))).toMatchObject({ status: 'sent' });
    expect(await activities.executeEffect(smsCommand('flow-b'))).toEqual({ status: 'skipped', reason: CAP_LOST_RACE });
    expect(sms.sent.map((m) => m.body)).toEqual(['From flow-a']);
  });

  it('checks again when a failed attempt is retried: another flow may have taken its place meanwhile', async () => {
    const sms = new RecordingChannel<SmsMessage>('twilio');
    const activities = activitiesWith(sms);
    sms.fail = (message) => (message.body === 'From flow-a' ? new Error('503 Service Unavailable') : undefined);
    expect((await failureOf(activities.executeEffect(smsCommand('flow-a')))).message).toContain('503 Service Unavailable');
    expect(await activities.executeEffect(smsCommand('flow-b'))).toMatchObject({ status: 'sent' });
    sms.fail = undefined;
    expect(await activities.executeEffect(smsCommand('flow-a'))).toEqual({ status: 'skipped', reason: CAP_LOST_RACE });
    expect(sms.sent.map((m) => m.body)).toEqual(['From flow-b']);
    expect((await messageRows()).map((r) => [r.flow_id, r.status, r.reason])).toEqual([
      ['flow-a', 'skipped', CAP_LOST_RACE],
      ['flow-b', 'sent', null],
    ]);
  });
});
