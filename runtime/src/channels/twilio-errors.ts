import twilio from 'twilio';
import { ChannelRejection, DeliveryUnknown } from './types';

/** Connection failures that happen before any byte of the request can reach Twilio. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Statuses that are about our account or configuration, not this message: fixing the setup lets a retry through. */
const ACCOUNT_PROBLEM: Record<number, string> = {
  401: 'check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN',
  404: 'check TWILIO_ACCOUNT_SID (and TWILIO_API_URL if set)',
};

function describe(error: InstanceType<typeof twilio.RestException>): string {
  const code = error.code !== undefined ? `, error ${error.code}` : '';
  return `Twilio answered HTTP ${error.status}${code}: ${error.message}`;
}

function restError(error: InstanceType<typeof twilio.RestException>): Error {
  if (error.status === 429 || error.status >= 500) return new Error(describe(error));
  const account = ACCOUNT_PROBLEM[error.status];
  if (account) return new Error(`${describe(error)} (${account})`);
  const more = error.moreInfo ? ` (${error.moreInfo})` : '';
  return new ChannelRejection(`Twilio error ${error.code ?? error.status}: ${error.message}${more}`);
}

interface NetworkError extends Error {
  code?: string;
  /** axios: the Node ClientRequest that was under way. */
  request?: { writableFinished?: boolean };
  response?: unknown;
}

function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof Error && 'request' in error && (error as NetworkError).response === undefined;
}

/**
 * What a failed `messages.create` means for the exactly-once protocol (see deliver-message.ts):
 * - Twilio refused this message (a 4xx such as 21211 invalid "To", 21610 unsubscribed): ChannelRejection;
 * - 429, 5xx, our credentials, no connection at all: a plain error, sent again by a later attempt;
 * - the connection ended after the whole request went out: Twilio may have the message, so
 *   DeliveryUnknown (a later attempt must not send it a second time).
 */
export function twilioSendError(error: unknown): Error {
  if (error instanceof twilio.RestException) return restError(error);
  if (isNetworkError(error)) {
    const cause = error.code ?? error.message;
    if (error.code !== undefined && NOT_CONNECTED.has(error.code)) return new Error(`could not connect to Twilio (${cause})`);
    if (error.request?.writableFinished) return new DeliveryUnknown(`the connection to Twilio ended without an answer after the message was sent (${cause})`);
    return new Error(`the connection to Twilio failed before the message was sent (${cause})`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
