import type { EmailMessage, MessageChannel } from '../../channels/types';
import { currentContact } from '../audience';
import { deliverMessage, messageEffect, type MessagePlan, type PreparedMessage } from '../deliver-message';
import { defineExecutor } from '../executor-registry';
import { templateRenderer, tryRender } from '../render';

interface NotifyConfig {
  to: string[];
  subject: string;
  body: string;
}

export interface StaffEmail {
  idempotencyKey: string;
  to: string[];
  subject: string;
  text: string;
}

/** Hands a plain-text staff alert to the email channel: no consent, no unsubscribe headers. */
export function staffEmailPlan(channel: MessageChannel<EmailMessage>, email: StaffEmail, signal: AbortSignal | undefined): MessagePlan {
  return {
    kind: 'send',
    send: async (id) => {
      const { providerId } = await channel.send({ id, ...email, marketing: false }, signal);
      return { status: 'sent', provider: channel.provider, providerId };
    },
  };
}

/** action.notify: a plain-text alert to staff through the email channel; no consent applies. */
export const notifyExecutor = defineExecutor<NotifyConfig>({
  type: 'action.notify',
  kind: 'external',
  execute(input) {
    const { run, command, config, db, deps } = input;
    const channel = deps.channels.email;
    const to = config.to.join(', ');

    const prepare = async (): Promise<PreparedMessage> => {
      const contact = await currentContact(db, run, command.context);
      const rendered = tryRender(() => {
        const render = templateRenderer({ ...command.context, contact });
        return { subject: render('subject', config.subject), text: render('body', config.body) };
      });
      if (!rendered.ok) return { to, plan: { kind: 'fail', reason: rendered.reason } };
      const { subject, text } = rendered.value;
      return { to, subject, body: text, plan: staffEmailPlan(channel, { idempotencyKey: command.idempotencyKey, to: config.to, subject, text }, input.attempt.signal) };
    };
    return deliverMessage(db, messageEffect(input, { channel: 'internal', marketing: false }, { resendable: channel.idempotent, prepare }));
  },
});
