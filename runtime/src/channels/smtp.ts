import type { EmailMessage, MessageChannel } from './types';

export interface SmtpSettings {
  /** SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465 */
  url: string;
  /** Default sender when a message has none. */
  from: string;
}

/** Email through nodemailer over SMTP. (Being built: issue 5.) */
export function smtpChannel(settings: SmtpSettings): MessageChannel<EmailMessage> {
  throw new Error(`the SMTP channel is not built yet (${new URL(settings.url).host})`);
}
