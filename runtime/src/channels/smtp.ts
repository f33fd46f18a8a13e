import { Transform } from 'node:stream';
import nodemailer from 'nodemailer';
import { smtpFailure } from './smtp-failure';
import type { EmailMessage, MessageChannel } from './types';

export interface SmtpSettings {
  /** SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465 */
  url: string;
  /** Default sender when a message has none (EMAIL_FROM). */
  from: string;
}

export interface SmtpChannel extends MessageChannel<EmailMessage> {
  /** Closes the pooled connections. */
  close(): void;
}

/** The domain of "shop@example.com" or "Shop <shop@example.com>", for the Message-ID. */
function senderDomain(from: string): string {
  return /@([^\s<>@]+?)>?\s*$/.exec(from)?.[1]?.toLowerCase() ?? 'nudgeflow.invalid';
}

/**
 * Email through nodemailer over pooled SMTP connections. SMTP cannot deduplicate, so the channel
 * is not idempotent: when it cannot know whether the server took a message, it says so
 * (DeliveryUnknown) and the activity never sends that message again (see smtp-failure.ts).
 */
export function smtpChannel(settings: SmtpSettings): SmtpChannel {
  const transport = nodemailer.createTransport({
    url: settings.url,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    // A silent server is given up on well within the activity's 90 s.
    socketTimeout: 60_000,
  });
  // Messages being handed over, by Message-ID: whether all of their content went out after DATA.
  // The stream step runs for every message just before the transport reads it; the pass-through
  // sees the end of the content before the final "." can be written, so a server can only have
  // accepted a message this marks as sent.
  const handovers = new Map<string, { dataSent: boolean }>();
  transport.use('stream', (mail, done) => {
    const handover = handovers.get(mail.message.messageId());
    if (handover)
      mail.message.transform(
        () =>
          new Transform({
            transform: (chunk, _encoding, next) => next(null, chunk),
            flush: (next) => {
              handover.dataSent = true;
              next();
            },
          }),
      );
    done();
  });

  return {
    provider: 'smtp',
    idempotent: false,
    async send(message, signal) {
      const messageId = `<${message.id}@${senderDomain(message.from ?? settings.from)}>`;
      const handover = { dataSent: false };
      handovers.set(messageId, handover);
      try {
        const info = await transport.sendMail({
          messageId,
          from: message.from ?? settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html !== undefined ? { html: message.html } : {}),
          ...(message.headers ? { headers: message.headers } : {}),
          ...(signal ? { signal } : {}),
        });
        return { providerId: info.messageId };
      } catch (error) {
        throw smtpFailure(error, handover.dataSent);
      } finally {
        handovers.delete(messageId);
      }
    },
    close: () => transport.close(),
  };
}
