import type { Contact } from '@nudgeflow/shared';
import type { RunRef } from '@nudgeflow/workflows/contract';
import type { Channels, MessageChannel } from '../channels/types';

/** The same channel, with every message addressed to `to(message)` instead. */
function readdressed<M>(channel: MessageChannel<M>, to: (message: M) => M): MessageChannel<M> {
  return {
    provider: channel.provider,
    idempotent: channel.idempotent,
    send: (message, signal) => channel.send(to(message), signal),
  };
}

/**
 * The channels a test run's messages go through: the outbox, except for a channel the admin gave
 * their own address or number for, which goes out for real, addressed to the admin only. Every
 * message through it is readdressed, a staff alert too: a test run never reaches anyone else.
 */
export function testRunChannels(run: RunRef, real: Channels, outbox: Channels): Channels {
  const { email, phone } = run.deliverTo ?? {};
  return {
    email: email ? readdressed(real.email, (message) => ({ ...message, to: [email] })) : outbox.email,
    sms: phone ? readdressed(real.sms, (message) => ({ ...message, to: phone })) : outbox.sms,
  };
}

/** The test contact as a test run's messages address it: the admin's own address and number when given. */
export function testRecipient(run: RunRef, contact: Contact): Contact {
  const { email, phone } = run.deliverTo ?? {};
  return { ...contact, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}
