import type { NodemailerError } from 'nodemailer';
import { ChannelRejection, DeliveryUnknown } from './types';

/** The server's reply as it wrote it, or what went wrong without one. */
const describe = (error: NodemailerError) => (error.response ?? error.message).trim();

/**
 * What a failed SMTP hand-over means under the channel contract (types.ts). `dataSent`: the whole
 * message went out after DATA, so only the server's final reply could still have refused it.
 *   - The server answered, refusing this message or recipient for good (5xx, or an address
 *     nodemailer cannot send to at all): ChannelRejection; sending it again gets the same answer.
 *   - The server answered with anything else (4xx, 421, or a 5xx about our login): not accepted,
 *     a plain error, tried again.
 *   - No answer: before the message was sent (refused, unreachable, dropped early) it was not
 *     accepted, a plain error; after it was sent, the server may have accepted it just before the
 *     connection went, so DeliveryUnknown, never sent twice.
 */
export function smtpFailure(error: unknown, dataSent: boolean): Error {
  if (!(error instanceof Error)) return new Error(`the mail server could not be reached: ${String(error)}`);
  const e = error as NodemailerError;
  const aboutThisMessage = e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
  if (typeof e.responseCode === 'number') {
    if (e.permanent === true && aboutThisMessage) return new ChannelRejection(`the mail server refused the email: ${describe(e)}`);
    return new Error(`the mail server did not take the email (${describe(e)}); it is tried again`);
  }
  // Checked by nodemailer before anything is sent: an address no server would accept.
  if (e.code === 'EENVELOPE') return new ChannelRejection(`the email cannot be sent: ${e.message}`);
  if (dataSent) return new DeliveryUnknown(`the connection to the mail server ended after the email was sent, before the server confirmed it (${e.message})`);
  return new Error(`the mail server could not be reached or dropped the connection before the email was sent (${e.message}); it is tried again`);
}
