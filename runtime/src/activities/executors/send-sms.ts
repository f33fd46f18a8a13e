import { consentProblem, currentContact, internationalNumber } from '../audience';
import { deliverMessage, messageEffect, type PreparedMessage } from '../deliver-message';
import { defineExecutor } from '../executor-registry';
import { templateRenderer, tryRender } from '../render';

interface SendSmsConfig {
  body: string;
  transactional: boolean;
}

/**
 * action.sendSms: consent, then the contact's current number in E.164 (national numbers are read
 * as DEFAULT_PHONE_COUNTRY's), then the rendered text to the SMS channel.
 */
export const sendSmsExecutor = defineExecutor<SendSmsConfig>({
  type: 'action.sendSms',
  kind: 'external',
  execute(input) {
    const { run, command, config, db, deps } = input;
    const marketing = command.message?.marketing ?? !config.transactional;
    const channel = deps.channels.sms;

    const prepare = async (): Promise<PreparedMessage> => {
      const contact = await currentContact(db, run, command.context);
      const refusal = await consentProblem(db, contact, 'sms', marketing);
      if (refusal) return { ...(contact.phone ? { to: contact.phone } : {}), plan: { kind: 'skip', reason: refusal } };
      if (!contact.phone) return { plan: { kind: 'skip', reason: 'no phone number' } };
      const to = internationalNumber(contact.phone, deps.messaging.defaultPhoneCountry);
      const rendered = tryRender(() => templateRenderer({ ...command.context, contact })('body', config.body));
      if (!rendered.ok) return { to, plan: { kind: 'fail', reason: rendered.reason } };
      const body = rendered.value;
      return {
        to,
        body,
        plan: {
          kind: 'send',
          send: async (id) => {
            const { providerId } = await channel.send({ id, idempotencyKey: command.idempotencyKey, to, body, marketing }, input.attempt.signal);
            return { status: 'sent', provider: channel.provider, providerId };
          },
        },
      };
    };
    return deliverMessage(db, messageEffect(input, { channel: 'sms', marketing }, { resendable: channel.idempotent, prepare }));
  },
});
