/**
 * The boundary between the activities and whatever delivers a message: the dev outbox now, SMTP
 * and Twilio later. The activity has already rendered the message, checked consent and stored the
 * message row (status queued) before it calls `send`; a channel only hands the message over.
 */

/** An email to the contact, or a plain-text alert to staff (no HTML). */
export interface EmailMessage {
  /** Our message id (the messages row): the Message-ID is derived from it. */
  id: string;
  /** The effect's idempotency key, for providers that deduplicate on one (tracking links name the message by it too). */
  idempotencyKey: string;
  to: string[];
  /** "shop@example.com" or "Shop <shop@example.com>"; absent: the channel's default sender. */
  from?: string;
  subject: string;
  /** The final HTML as it is sent (clicks tracked, open pixel in); absent for plain-text mail. */
  html?: string;
  /** The plain-text part (always present). */
  text: string;
  /** More header fields, e.g. List-Unsubscribe and List-Unsubscribe-Post on marketing mail. */
  headers?: Record<string, string>;
  /** Marketing mail obeys consent and carries unsubscribe headers; transactional mail and staff alerts do not. */
  marketing: boolean;
}

export interface SmsMessage {
  id: string;
  idempotencyKey: string;
  /** E.164, e.g. "+420777123456". */
  to: string;
  body: string;
  marketing: boolean;
}

export interface MessageChannel<M> {
  /** Stored with the message ("outbox", "smtp", "twilio"). */
  readonly provider: string;
  /**
   * True when handing over the same message (same `id`) twice cannot reach the recipient twice.
   * Only then does the activity send again after a worker died between sending and recording
   * the outcome; otherwise it records the outcome as unknown and never sends twice.
   */
  readonly idempotent: boolean;
  /**
   * Hands the message over; resolves once the provider has accepted it. Throw ChannelRejection
   * when the provider refuses this message for good (an invalid number), DeliveryUnknown when it
   * cannot be known whether the provider got it (the connection dropped after the request went
   * out), and any other error when it was not accepted and may be tried again (HTTP 5xx, 429).
   */
  send(message: M, signal?: AbortSignal): Promise<{ providerId: string }>;
  /** Releases what the channel keeps open (pooled SMTP connections), once the worker has stopped. */
  close?(): void;
}

export interface Channels {
  email: MessageChannel<EmailMessage>;
  sms: MessageChannel<SmsMessage>;
}

/** The provider refused the message for good; sending it again cannot help. */
export class ChannelRejection extends Error {
  override readonly name = 'ChannelRejection';
}

/** The provider may or may not have accepted the message. */
export class DeliveryUnknown extends Error {
  override readonly name = 'DeliveryUnknown';
}
