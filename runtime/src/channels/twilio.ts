import twilio from 'twilio';
import { twilioSendError } from './twilio-errors';
import { twilioHttpClient } from './twilio-request-client';
import type { MessageChannel, SmsMessage } from './types';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The sending number in E.164, or... */
  from?: string;
  /** ...a messaging service SID (used when both are set: the service picks the sender). */
  messagingServiceSid?: string;
  /** Another base URL for the API (a local stand-in in tests). */
  apiUrl?: string;
  /** Where Twilio reports delivery, e.g. "https://shop.example.com/api/twilio/status". */
  statusCallback?: string;
}

/**
 * Well under the 90 s an effect attempt may take: a call that outlives its attempt could only
 * end as "delivery unknown", while one that times out here does so on its own terms.
 */
const REQUEST_TIMEOUT_MS = 30_000;

export class TwilioConfigError extends Error {}

/**
 * SMS through the twilio client. Not idempotent: Twilio has no idempotency key for messages, so
 * a message handed over twice can reach the phone twice (deliver-message.ts never does that).
 */
export function twilioChannel(settings: TwilioSettings): MessageChannel<SmsMessage> {
  if (!settings.from && !settings.messagingServiceSid) throw new TwilioConfigError('set TWILIO_FROM (the sending number) or TWILIO_MESSAGING_SERVICE_SID to send SMS through Twilio');
  let client: twilio.Twilio;
  try {
    client = twilio(settings.accountSid, settings.authToken, {
      httpClient: twilioHttpClient({ ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}), timeoutMs: REQUEST_TIMEOUT_MS }),
      autoRetry: false,
    });
  } catch (error) {
    throw new TwilioConfigError(`TWILIO_ACCOUNT_SID: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sender = settings.messagingServiceSid ? { messagingServiceSid: settings.messagingServiceSid } : { from: settings.from as string };
  const callback = settings.statusCallback ? { statusCallback: settings.statusCallback } : {};

  return {
    provider: 'twilio',
    idempotent: false,
    // The abort signal is not passed on: a request cut off after it went out could only end as
    // "delivery unknown", while letting it finish (within the timeout) records what really happened.
    async send(message) {
      try {
        const created = await client.messages.create({ to: message.to, body: message.body, ...sender, ...callback });
        return { providerId: created.sid };
      } catch (error) {
        throw twilioSendError(error);
      }
    },
  };
}
