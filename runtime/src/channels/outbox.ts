import type { Channels, MessageChannel } from './types';

/**
 * The dev default: nothing leaves the machine. The activity has already stored the rendered
 * message; the outbox only accepts it, so the message shows as sent (provider "outbox") in the
 * message log and the UI. Handing it over twice changes nothing, so it is idempotent.
 */
export function outboxChannel<M extends { id: string }>(): MessageChannel<M> {
  return {
    provider: 'outbox',
    idempotent: true,
    send: async (message) => ({ providerId: message.id }),
  };
}

export function outboxChannels(): Channels {
  return { email: outboxChannel(), sms: outboxChannel() };
}
