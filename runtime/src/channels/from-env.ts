import type { Env } from '../config';
import { outboxChannel } from './outbox';
import type { MessagingSettings } from './settings';
import { smtpChannel } from './smtp';
import { twilioChannel } from './twilio';
import type { Channels } from './types';

/** Twilio reports delivery here (POST, signed); the API answers on the same public URL. */
export const TWILIO_STATUS_PATH = '/api/twilio/status';

/** Which provider each channel uses: SMTP and Twilio when configured, the outbox otherwise. */
export function channelsFromEnv(env: Env, messaging: Pick<MessagingSettings, 'publicUrl'>): Channels {
  return {
    email: env.SMTP_URL ? smtpChannel({ url: env.SMTP_URL, from: env.EMAIL_FROM }) : outboxChannel(),
    sms:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
        ? twilioChannel({
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            ...(env.TWILIO_FROM ? { from: env.TWILIO_FROM } : {}),
            ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : {}),
            ...(env.TWILIO_API_URL ? { apiUrl: env.TWILIO_API_URL } : {}),
            statusCallback: `${messaging.publicUrl}${TWILIO_STATUS_PATH}`,
          })
        : outboxChannel(),
  };
}

/** One line per channel for the start-up banner, e.g. "email  smtp (smtp.example.com)". */
export function describeChannels(env: Env): string[] {
  return [
    `email  ${env.SMTP_URL ? `SMTP (${new URL(env.SMTP_URL).host})` : 'outbox (nothing leaves this machine; see the messages page)'}`,
    `sms    ${env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN ? `Twilio (${env.TWILIO_API_URL ?? 'api.twilio.com'})` : 'outbox (nothing leaves this machine)'}`,
  ];
}
