import { builtinRegistry } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { storeContact, testMessaging } from '../../activities/test-fixtures';
import { signedTwilioRequest, TEST_AUTH_TOKEN } from '../../channels/twilio-test-server';
import type { Sql } from '../../db';
import { getMessage, insertMessage, listSuppressions, suppress, type MessageStatus } from '../../db';
import { createApp } from '../app';
import { createApiRoutes } from '../routes';
import { testCredentials, useTestApi } from '../test-api';
import { storedPhoneForms } from './contacts-by-phone';
import { optOutRequest } from './opt-out';

const api = useTestApi();
const SID = `SM${'ab'.repeat(16)}`;
const statusUrl = `${testMessaging.publicUrl}/api/twilio/status`;
const inboundUrl = `${testMessaging.publicUrl}/api/twilio/inbound`;

beforeEach(async () => {
  await storeContact(api.db.sql);
});

async function storedSms(status: MessageStatus = 'sent', reason?: string): Promise<string> {
  const { message } = await insertMessage(api.db.sql, {
    idempotencyKey: 'run-1:sms:1',
    contactId: 'ann',
    channel: 'sms',
    marketing: true,
    to: '+420777123456',
    body: 'Hi Ann',
    status,
    ...(reason ? { reason } : {}),
    provider: 'twilio',
    providerId: SID,
    sentAt: '2026-03-02T10:00:00.000Z',
  });
  return message.id;
}

async function post(path: string, init: RequestInit) {
  const res = await api.app.request(path, init);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

const report = (params: Record<string, string>) => post('/api/twilio/status', signedTwilioRequest(statusUrl, { AccountSid: 'AC1', MessageSid: SID, ...params }));
const reply = (params: Record<string, string>) => post('/api/twilio/inbound', signedTwilioRequest(inboundUrl, { AccountSid: 'AC1', MessageSid: 'SM1', To: '+15005550006', ...params }));
const messageState = async (id: string) => {
  const m = await getMessage(api.db.sql, id);
  return [m?.status, m?.reason];
};

describe('POST /api/twilio/status', () => {
  it('marks the message delivered on a signed "delivered" report', async () => {
    const id = await storedSms();
    expect(await report({ MessageStatus: 'delivered' })).toEqual({ status: 204, type: null, text: '' });
    expect(await messageState(id)).toEqual(['delivered', undefined]);
  });

  it('marks it bounced with Twilio’s error code on "undelivered" or "failed"', async () => {
    const id = await storedSms();
    expect((await report({ MessageStatus: 'undelivered', ErrorCode: '30003' })).status).toBe(204);
    expect(await messageState(id)).toEqual(['bounced', 'undelivered (Twilio error 30003)']);
  });

  it('never moves a delivered message back, whatever order the reports arrive in', async () => {
    const id = await storedSms();
    for (const MessageStatus of ['delivered', 'sent', 'undelivered', 'queued']) await report({ MessageStatus, ErrorCode: '30003' });
    expect(await messageState(id)).toEqual(['delivered', undefined]);
  });

  it('lets a late "delivered" win over an earlier failure report', async () => {
    const id = await storedSms('bounced', 'failed (Twilio error 30008)');
    await report({ MessageStatus: 'delivered' });
    expect(await messageState(id)).toEqual(['delivered', undefined]);
  });

  it('ignores statuses on the way ("sending", "sent") and SIDs we do not know', async () => {
    const id = await storedSms();
    expect((await report({ MessageStatus: 'sending' })).status).toBe(204);
    expect((await post('/api/twilio/status', signedTwilioRequest(statusUrl, { MessageSid: 'SMunknown', MessageStatus: 'delivered' }))).status).toBe(204);
    expect(await messageState(id)).toEqual(['sent', undefined]);
  });

  it.each([
    ['no signature', { ...signedTwilioRequest(statusUrl, { MessageSid: SID, MessageStatus: 'delivered' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 'the X-Twilio-Signature header is missing: only Twilio may call this address'],
    ['another auth token', signedTwilioRequest(statusUrl, { MessageSid: SID, MessageStatus: 'delivered' }, 'someone-else'), `the X-Twilio-Signature does not match a request to ${statusUrl}: check TWILIO_AUTH_TOKEN, and that NUDGEFLOW_PUBLIC_URL is the address set in Twilio`],
    ['another URL', signedTwilioRequest('http://localhost:3000/api/twilio/status', { MessageSid: SID, MessageStatus: 'delivered' }), `the X-Twilio-Signature does not match a request to ${statusUrl}: check TWILIO_AUTH_TOKEN, and that NUDGEFLOW_PUBLIC_URL is the address set in Twilio`],
  ])('refuses a report with %s (403) and changes nothing', async (_case, init, message) => {
    const id = await storedSms();
    const res = await post('/api/twilio/status', init);
    expect([res.status, JSON.parse(res.text)]).toEqual([403, { error: { code: 'invalid_signature', message } }]);
    expect(await messageState(id)).toEqual(['sent', undefined]);
  });

  it('refuses a report whose fields were changed after signing', async () => {
    const id = await storedSms();
    const signed = signedTwilioRequest(statusUrl, { MessageSid: SID, MessageStatus: 'delivered' });
    const res = await post('/api/twilio/status', { ...signed, body: signed.body.replace('delivered', 'undelivered') });
    expect(res.status).toBe(403);
    expect(await messageState(id)).toEqual(['sent', undefined]);
  });

  it('answers 400 naming the field when a signed report lacks MessageStatus', async () => {
    const res = await post('/api/twilio/status', signedTwilioRequest(statusUrl, { MessageSid: SID }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.message).toMatch(/^invalid Twilio callback: MessageStatus: /);
  });
});

describe('POST /api/twilio/inbound', () => {
  const twiml = { status: 200, type: 'text/xml; charset=utf-8', text: '<?xml version="1.0" encoding="UTF-8"?><Response/>' };
  const smsSuppressions = async () => (await listSuppressions(api.db.sql)).map((s) => [s.contactId, s.channel, s.reason]);

  it.each(['STOP', ' stop ', 'Unsubscribe', 'stopall', 'CANCEL', 'end', 'Quit'])('suppresses SMS for the contact with that number on %j', async (body) => {
    expect(await reply({ From: '+420777123456', Body: body })).toEqual(twiml);
    expect(await smsSuppressions()).toEqual([['ann', 'sms', `unsubscribed (SMS reply "${body.trim().toUpperCase()}")`]]);
  });

  it('honours Twilio’s own opt-out classification of a custom keyword', async () => {
    await reply({ From: '+420777123456', Body: 'Arret', OptOutType: 'STOP' });
    expect(await smsSuppressions()).toEqual([['ann', 'sms', 'unsubscribed (SMS reply "ARRET")']]);
  });

  it('lifts the SMS suppression on START, and only that one', async () => {
    await suppress(api.db.sql, { contactId: 'ann', channel: 'sms', reason: 'unsubscribed (SMS reply "STOP")' });
    await suppress(api.db.sql, { contactId: 'ann', channel: 'email', reason: 'unsubscribed' });
    expect(await reply({ From: '+420777123456', Body: 'start' })).toEqual(twiml);
    expect(await smsSuppressions()).toEqual([['ann', 'email', 'unsubscribed']]);
  });

  it('changes nothing for other replies or numbers no contact has', async () => {
    expect(await reply({ From: '+420777123456', Body: 'stop sending me the cat pictures please' })).toEqual(twiml);
    expect(await reply({ From: '+420601000000', Body: 'STOP' })).toEqual(twiml);
    expect(await smsSuppressions()).toEqual([]);
  });

  it('refuses an unsigned STOP (403) and suppresses nobody', async () => {
    const forged = signedTwilioRequest(inboundUrl, { From: '+420777123456', Body: 'STOP' }, 'forged');
    expect((await post('/api/twilio/inbound', forged)).status).toBe(403);
    expect(await smsSuppressions()).toEqual([]);
  });
});

describe('Twilio callbacks without TWILIO_AUTH_TOKEN', () => {
  it('are refused: nothing can check their signature', async () => {
    const app = createApp(
      { credentials: testCredentials, registry: builtinRegistry, health: { postgres: async () => ({ ok: true }), temporal: async () => ({ ok: true }), worker: async () => ({ ok: true }) } },
      createApiRoutes({ sql: {} as Sql, registry: builtinRegistry, messaging: testMessaging, onAccepted: () => {}, cancelRuns: async () => {}, cancelRun: async () => false }),
    );
    const res = await app.request('/api/twilio/status', signedTwilioRequest(statusUrl, { MessageSid: SID, MessageStatus: 'delivered' }, TEST_AUTH_TOKEN));
    expect([res.status, await res.json()]).toEqual([
      403,
      { error: { code: 'twilio_not_configured', message: 'Twilio callbacks are refused: TWILIO_AUTH_TOKEN is not set for the API, so their signatures cannot be checked' } },
    ]);
  });
});

describe('reading replies', () => {
  it.each([
    ['STOP', undefined, { action: 'stop', keyword: 'STOP' }],
    ['yes', undefined, { action: 'start', keyword: 'YES' }],
    ['unstop', undefined, { action: 'start', keyword: 'UNSTOP' }],
    ['HELP', 'HELP', undefined],
    ['please stop', undefined, undefined],
  ] as const)('%j (OptOutType %s) asks for %j', (body, type, expected) => {
    expect(optOutRequest(body, type)).toEqual(expected);
  });

  it('matches numbers stored without the country code when they are of the default country', () => {
    expect(storedPhoneForms('+420777123456')).toEqual(['+420777123456']);
    expect(storedPhoneForms('+420777123456', 'CZ')).toEqual(['+420777123456', '777123456']);
    expect(storedPhoneForms('+447400123456', 'GB')).toEqual(['+447400123456', '7400123456', '07400123456']);
    // Guernsey shares +44 with GB: "07911 123456" with default country GB is this number too.
    expect(storedPhoneForms('+447911123456', 'GB')).toEqual(['+447911123456', '7911123456', '07911123456']);
    expect(storedPhoneForms('+420777123456', 'GB')).toEqual(['+420777123456']);
  });
});
