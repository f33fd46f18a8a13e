import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChannelRejection, DeliveryUnknown } from '../channels/types';
import { updateContact } from '../db/contacts';
import { insertMessage, listMessages } from '../db/messages';
import { suppress } from '../db/suppressions';
import { useTestDatabase } from '../db/test-database';
import { deliveryUnknown } from './deliver-message';
import { createFlowActivities } from './index';
import { NOW, ann, effectCommand, failureOf, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

const db = useTestDatabase();
const marketingSms = { channel: 'sms', marketing: true } as const;
const smsConfig = { body: 'Hi {{ contact.firstName }}, tags: {{ contact.tags | join: "," }}', transactional: false };
const order = { id: 'o-1', number: 'A-100', items: [] };

let channels: ReturnType<typeof recordingChannels>;
let activities: ReturnType<typeof createFlowActivities>;
let warnings: string[];

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  channels = recordingChannels();
  warnings = [];
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels, now: () => NOW, log: { warn: (message, details) => warnings.push(`${message} ${JSON.stringify(details)}`) } });
});

describe('action.sendSms', () => {
  it('renders with the contact as stored now, sends to the E.164 number and records the message', async () => {
    // Since the run began: a tag added and the name changed.
    await updateContact(db.sql, 'ann', { firstName: 'Anna', tags: ['lead', 'vip'] });
    const command = effectCommand('action.sendSms', smsConfig, { nodeId: 'sms', message: marketingSms });

    const result = await activities.executeEffect({ run: runRef(), command });
    const [sent] = channels.sms.sent;
    expect(channels.sms.sent).toEqual([{ id: expect.stringMatching(/^msg_/), idempotencyKey: 'run-1:sms:1', to: '+420777123456', body: 'Hi Anna, tags: lead,vip', marketing: true }]);
    expect(result).toEqual({ status: 'sent', messageId: sent?.id });
    expect((await listMessages(db.sql)).items).toEqual([
      {
        id: sent?.id,
        idempotencyKey: 'run-1:sms:1',
        runId: 'run-1',
        flowId: 'f1',
        nodeId: 'sms',
        contactId: 'ann',
        channel: 'sms',
        marketing: true,
        to: '+420777123456',
        body: 'Hi Anna, tags: lead,vip',
        status: 'sent',
        provider: 'twilio',
        providerId: 'twilio-1',
        test: false,
        createdAt: expect.any(String),
        sentAt: NOW.toISOString(),
      },
    ]);
  });

  it.each([
    ['no consent', { consent: { sms: false } }, undefined, '+420 777 123 456'],
    ['suppressed', {}, 'sms', '+420 777 123 456'],
    ['suppressed', {}, 'all', '+420 777 123 456'],
    ['no phone number', { phone: undefined }, undefined, undefined],
  ] as const)('skips a marketing SMS: %s (%j, suppression %s); the run goes on', async (reason, change, suppression, to) => {
    await updateContact(db.sql, 'ann', change);
    if (suppression) await suppress(db.sql, { contactId: 'ann', channel: suppression, reason: 'unsubscribed' });
    const command = effectCommand('action.sendSms', smsConfig, { nodeId: 'sms', message: marketingSms });

    expect(await activities.executeEffect({ run: runRef(), command })).toEqual({ status: 'skipped', reason });
    expect(channels.sms.sent).toEqual([]);
    expect((await listMessages(db.sql)).items).toMatchObject([{ channel: 'sms', status: 'skipped', reason, ...(to ? { to } : {}) }]);
  });

  it('sends a transactional SMS without marketing consent and despite an email-only suppression', async () => {
    await updateContact(db.sql, 'ann', { consent: {} });
    await suppress(db.sql, { contactId: 'ann', channel: 'sms', reason: 'unsubscribed' });
    const command = effectCommand('action.sendSms', { body: 'Order {{ order.number }} awaits payment', transactional: true }, { message: { channel: 'sms', marketing: false }, context: { order } });

    expect(await activities.executeEffect({ run: runRef(), command })).toMatchObject({ status: 'sent' });
    expect(channels.sms.sent.map((m) => m.body)).toEqual(['Order A-100 awaits payment']);
  });

  it('fails the node without retries for a number that is not international', async () => {
    await updateContact(db.sql, 'ann', { phone: '777 123 456' });
    const command = effectCommand('action.sendSms', smsConfig, { nodeId: 'sms', message: marketingSms });

    expect(await failureOf(activities.executeEffect({ run: runRef(), command }))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'the phone number "777 123 456" is not a valid international number (it should look like +420777123456)',
    });
    expect(channels.sms.sent).toEqual([]);
  });

  it('records a template that does not render as a failed effect, as the simulator does', async () => {
    const command = effectCommand('action.sendSms', { body: 'Hi {{ contact.firstName | shout }}', transactional: true }, { nodeId: 'sms' });

    const result = await activities.executeEffect({ run: runRef(), command });
    expect(result).toEqual({ status: 'failed', reason: expect.stringMatching(/^body: undefined filter: shout/) });
    expect(channels.sms.sent).toEqual([]);
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', reason: result.reason, to: '+420777123456' }]);
  });

  it('test runs go to the outbox, keep the recipient and are marked as test', async () => {
    const run = runRef({ runId: 'test-run', test: true });
    const command = effectCommand('action.sendSms', smsConfig, { run, nodeId: 'sms', message: marketingSms });

    const result = await activities.executeEffect({ run, command });
    const [message] = (await listMessages(db.sql)).items;
    expect(channels.sms.sent).toEqual([]);
    expect(result).toEqual({ status: 'sent', messageId: message?.id });
    expect(message).toMatchObject({ to: '+420777123456', body: 'Hi Ann, tags: lead', status: 'sent', provider: 'outbox', providerId: message?.id, test: true });
  });
});

describe('action.notify', () => {
  it('emails staff a plain-text alert, recorded as an internal message', async () => {
    const config = { to: ['team@example.com', 'boss@example.com'], subject: 'Big order {{ order.number }}', body: '{{ contact.email }} ordered.' };
    const command = effectCommand('action.notify', config, { nodeId: 'alert', context: { order } });

    const result = await activities.executeEffect({ run: runRef(), command });
    expect(channels.email.sent).toEqual([
      { id: expect.stringMatching(/^msg_/), idempotencyKey: 'run-1:alert:1', to: ['team@example.com', 'boss@example.com'], subject: 'Big order A-100', text: 'ann@example.com ordered.', marketing: false },
    ]);
    expect(result).toEqual({ status: 'sent', messageId: channels.email.sent[0]?.id });
    expect((await listMessages(db.sql)).items).toMatchObject([{ channel: 'internal', marketing: false, to: 'team@example.com, boss@example.com', subject: 'Big order A-100', body: 'ann@example.com ordered.', status: 'sent' }]);
  });
});

describe('when a channel fails', () => {
  const command = () => effectCommand('action.sendSms', smsConfig, { nodeId: 'sms', message: marketingSms });

  it('a failure before the provider accepted: throws to be retried, and the retry sends once', async () => {
    channels.sms.fail = () => new Error('HTTP 503 from the provider');
    expect(await failureOf(activities.executeEffect({ run: runRef(), command: command() }))).toEqual({ name: 'Error', message: 'HTTP 503 from the provider' });
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', reason: 'attempt 1: HTTP 503 from the provider' }]);

    channels.sms.fail = undefined;
    const result = await activities.executeEffect({ run: runRef(), command: command() });
    expect(channels.sms.sent).toHaveLength(1);
    const [message] = (await listMessages(db.sql)).items;
    expect(result).toEqual({ status: 'sent', messageId: message?.id });
    expect(message).toMatchObject({ status: 'sent', providerId: 'twilio-1' });
    expect(message?.reason).toBeUndefined();
  });

  it('a rejection: the node fails without retries', async () => {
    channels.sms.fail = () => new ChannelRejection('the number cannot receive SMS');
    expect(await failureOf(activities.executeEffect({ run: runRef(), command: command() }))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'the provider refused the message: the number cannot receive SMS',
    });
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', reason: 'the number cannot receive SMS' }]);
  });

  it('an outcome the channel cannot know: recorded as failed, never sent twice', async () => {
    channels.sms.fail = () => new DeliveryUnknown('the connection dropped after the request went out');
    const reason = deliveryUnknown('the connection dropped after the request went out');
    expect(await activities.executeEffect({ run: runRef(), command: command() })).toEqual({ status: 'failed', reason });
    channels.sms.fail = undefined;
    expect(await activities.executeEffect({ run: runRef(), command: command() })).toEqual({ status: 'failed', reason });
    expect(channels.sms.sent).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('a worker that died while sending (the message still queued): not sent again on a channel that cannot deduplicate', async () => {
    await insertMessage(db.sql, { idempotencyKey: 'run-1:sms:1', contactId: 'ann', channel: 'sms', marketing: true, status: 'queued' });
    const reason = deliveryUnknown('the worker stopped while handing it to the provider');

    expect(await activities.executeEffect({ run: runRef(), command: command() })).toEqual({ status: 'failed', reason });
    expect(channels.sms.sent).toEqual([]);
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', reason }]);
    expect(warnings).toEqual([expect.stringMatching(/^a message may or may not have reached its provider; it is not sent again .*"idempotencyKey":"run-1:sms:1"/)]);
  });

  it('a worker that died while sending: sent again on a channel that deduplicates (the outbox)', async () => {
    const run = runRef({ runId: 'test-run', test: true });
    const { message } = await insertMessage(db.sql, { idempotencyKey: 'test-run:sms:1', contactId: 'ann', channel: 'sms', marketing: true, status: 'queued', test: true });

    const result = await activities.executeEffect({ run, command: effectCommand('action.sendSms', smsConfig, { run, nodeId: 'sms', message: marketingSms }) });
    expect(result).toEqual({ status: 'sent', messageId: message.id });
    expect((await listMessages(db.sql)).items).toMatchObject([{ id: message.id, status: 'sent', provider: 'outbox' }]);
  });

  it('a worker that died after sending, before saving the result: the stored message answers', async () => {
    const { message } = await insertMessage(db.sql, { idempotencyKey: 'run-1:sms:1', contactId: 'ann', channel: 'sms', marketing: true, status: 'sent', sentAt: NOW.toISOString() });
    expect(await activities.executeEffect({ run: runRef(), command: command() })).toEqual({ status: 'sent', messageId: message.id });
    expect(channels.sms.sent).toEqual([]);
  });
});

it('uses the run’s own contact for a test run (its tags live in the run only)', async () => {
  const run = runRef({ runId: 'test-run', test: true });
  const contact = { ...ann, firstName: 'Sample', tags: ['lead', 'tested'] };
  const command = effectCommand('action.sendSms', smsConfig, { run, contact, message: marketingSms });
  await activities.executeEffect({ run, command });
  expect((await listMessages(db.sql)).items[0]?.body).toBe('Hi Sample, tags: lead,tested');
});
