import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { twilioChannel, TwilioConfigError, type TwilioSettings } from './twilio';
import { startTwilioStandIn, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TwilioStandIn } from './twilio-test-server';
import { ChannelRejection, DeliveryUnknown, type SmsMessage } from './types';

let standIn: TwilioStandIn;
beforeAll(async () => {
  standIn = await startTwilioStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const sms: SmsMessage = { id: 'msg_1', idempotencyKey: 'run-1:sms:1', to: '+420777123456', body: 'Hi Ann, your order awaits payment.', marketing: true };
const settings = (extra: Partial<TwilioSettings> = {}): TwilioSettings => ({
  accountSid: TEST_ACCOUNT_SID,
  authToken: TEST_AUTH_TOKEN,
  from: '+15005550006',
  apiUrl: standIn.url,
  statusCallback: 'https://shop.example.com/api/twilio/status',
  ...extra,
});

async function failure(call: Promise<unknown>): Promise<Error> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`);
  return error;
}

describe('the Twilio channel, through the real twilio client', () => {
  it('hands the message over and answers with Twilio’s message SID', async () => {
    const channel = twilioChannel(settings());
    const { providerId } = await channel.send(sms);

    expect(standIn.messages).toEqual([
      { sid: providerId, to: '+420777123456', from: '+15005550006', body: 'Hi Ann, your order awaits payment.', statusCallback: 'https://shop.example.com/api/twilio/status' },
    ]);
    expect(providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect([channel.provider, channel.idempotent]).toEqual(['twilio', false]);
  });

  it('sends through a messaging service instead of a number when one is set', async () => {
    await twilioChannel(settings({ from: undefined, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' })).send(sms);
    expect(standIn.messages.map((m) => [m.from, m.messagingServiceSid])).toEqual([[undefined, 'MG0123456789abcdef0123456789abcdef']]);
  });

  it('refuses to start without a sender or with a SID that is not an account SID', () => {
    expect(() => twilioChannel(settings({ from: undefined }))).toThrow(new TwilioConfigError('set TWILIO_FROM (the sending number) or TWILIO_MESSAGING_SERVICE_SID to send SMS through Twilio'));
    expect(() => twilioChannel(settings({ accountSid: 'SK123' }))).toThrow(/^TWILIO_ACCOUNT_SID: accountSid must start with AC/);
  });

  it('turns a refusal of this message (21211 invalid number) into a rejection: sending again cannot help', async () => {
    standIn.failNext(1, { status: 400, code: 21211, message: "The 'To' number +420777123456 is not a valid phone number." });
    const error = await failure(twilioChannel(settings()).send(sms));

    expect(error).toBeInstanceOf(ChannelRejection);
    expect(error.message).toBe("Twilio error 21211: The 'To' number +420777123456 is not a valid phone number. (https://www.twilio.com/docs/errors/21211)");
    expect(standIn.messages).toEqual([]);
  });

  it.each([
    [503, 'Twilio answered HTTP 503, error 20503: Service Unavailable'],
    [429, 'Twilio answered HTTP 429, error 20429: Too Many Requests'],
  ])('makes HTTP %i a plain (retryable) error after one request: Temporal does the retrying', async (status, message) => {
    standIn.failNext(1, { status });
    const error = await failure(twilioChannel(settings()).send(sms));

    expect([error.constructor, error.message]).toEqual([Error, message]);
    expect(standIn.requests).toBe(1);
    expect(standIn.messages).toEqual([]);
  });

  it('makes wrong credentials a retryable error that says what to check', async () => {
    const error = await failure(twilioChannel(settings({ authToken: 'not-the-token' })).send(sms));
    expect([error.constructor, error.message]).toEqual([Error, 'Twilio answered HTTP 401, error 20003: Authenticate (check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)']);
  });

  it('reports delivery as unknown when the connection dies after the request went out', async () => {
    standIn.failNext(1, 'drop');
    const error = await failure(twilioChannel(settings()).send(sms));

    expect(error).toBeInstanceOf(DeliveryUnknown);
    expect(error.message).toBe('the connection to Twilio ended without an answer after the message was sent (ECONNRESET)');
    expect(standIn.requests).toBe(1);
  });

  it('makes a refused connection a retryable error: nothing reached Twilio', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await failure(twilioChannel(settings({ apiUrl: `http://127.0.0.1:${port}` })).send(sms));
    expect([error.constructor, error.message]).toEqual([Error, 'could not connect to Twilio (ECONNREFUSED)']);
  });
});
