import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { twilioChannel } from '../../channels/twilio';
import { startTwilioStandIn, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TwilioStandIn } from '../../channels/twilio-test-server';
import { updateContact } from '../../db/contacts';
import { listMessages } from '../../db/messages';
import { useTestDatabase } from '../../db/test-database';
import { deliveryUnknown } from '../deliver-message';
import { createFlowActivities } from '../index';
import { NOW, effectCommand, failureOf, recordingChannels, runRef, storeContact, testMessaging } from '../test-fixtures';

const db = useTestDatabase();
const config = { body: 'Hi {{ contact.firstName }}', transactional: true };
let channels: ReturnType<typeof recordingChannels>;

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  channels = recordingChannels();
});

const activities = (defaultPhoneCountry?: string) =>
  createFlowActivities({ sql: db.sql, messaging: { ...testMessaging, ...(defaultPhoneCountry ? { defaultPhoneCountry } : {}) }, channels, now: () => NOW, log: { warn: () => {} } });

describe('action.sendSms and the default phone country', () => {
  it('sends a number written without a country code to the default country’s E.164 form', async () => {
    await updateContact(db.sql, 'ann', { phone: '777 123 456' });
    const result = await activities('CZ').executeEffect({ run: runRef(), command: effectCommand('action.sendSms', config, { nodeId: 'sms' }) });

    expect(result).toMatchObject({ status: 'sent' });
    expect(channels.sms.sent.map((m) => [m.to, m.body])).toEqual([['+420777123456', 'Hi Ann']]);
    expect((await listMessages(db.sql)).items.map((m) => [m.to, m.status])).toEqual([['+420777123456', 'sent']]);
  });

  it('fails the node without retries for a number that does not exist in that country', async () => {
    await updateContact(db.sql, 'ann', { phone: '600 000 001' });
    const failure = await failureOf(activities('CZ').executeEffect({ run: runRef(), command: effectCommand('action.sendSms', config, { nodeId: 'sms' }) }));

    expect(failure).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'the phone number "600 000 001" is not a valid number for CZ or with a country code (it should look like +420777123456)',
    });
    expect(channels.sms.sent).toEqual([]);
  });
});

describe('action.sendSms through the Twilio channel', () => {
  let standIn: TwilioStandIn;
  beforeAll(async () => {
    standIn = await startTwilioStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  const twilioActivities = () =>
    createFlowActivities({
      sql: db.sql,
      messaging: testMessaging,
      channels: { ...recordingChannels(), sms: twilioChannel({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN, from: '+15005550006', apiUrl: standIn.url }) },
      now: () => NOW,
      log: { warn: () => {} },
    });
  const command = () => effectCommand('action.sendSms', config, { nodeId: 'sms' });

  it('sends again after a 503, and never after the success: one message at Twilio, the row sent with its SID', async () => {
    standIn.failNext(1, { status: 503 });
    const activities = twilioActivities();
    expect(await failureOf(activities.executeEffect({ run: runRef(), command: command() }))).toMatchObject({ message: 'Twilio answered HTTP 503, error 20503: Service Unavailable' });
    const sent = await activities.executeEffect({ run: runRef(), command: command() });
    const again = await activities.executeEffect({ run: runRef(), command: command() });

    expect(again).toEqual(sent);
    expect([standIn.requests, standIn.messages.length]).toEqual([2, 1]);
    expect((await listMessages(db.sql)).items.map((m) => [m.status, m.provider, m.providerId, m.reason])).toEqual([['sent', 'twilio', standIn.messages[0]?.sid, undefined]]);
  });

  it('records a dropped connection as delivery unknown and does not send again', async () => {
    standIn.failNext(1, 'drop');
    const activities = twilioActivities();
    const reason = deliveryUnknown('the connection to Twilio ended without an answer after the message was sent (ECONNRESET)');
    expect(await activities.executeEffect({ run: runRef(), command: command() })).toEqual({ status: 'failed', reason });
    expect(await activities.executeEffect({ run: runRef(), command: command() })).toEqual({ status: 'failed', reason });

    expect(standIn.requests).toBe(1);
    expect((await listMessages(db.sql)).items.map((m) => [m.status, m.reason])).toEqual([['failed', reason]]);
  });
});
