import { mjmlToText } from '@nudgeflow/shared';
import { consentProblem, currentContact } from '../audience';
import { deliverMessage, messageEffect, type PreparedMessage } from '../deliver-message';
import { defineExecutor } from '../executor-registry';
import { templateRenderer, tryRender } from '../render';

interface SendEmailConfig {
  subject: string;
  preheader?: string;
  mjml: string;
  from?: string;
  transactional: boolean;
}

/**
 * action.sendEmail: consent, then the contact's current address, then subject, preheader and
 * MJML rendered with Liquid and a plain-text version, to the email channel. The message row keeps
 * the rendered MJML as its body.
 */
export const sendEmailExecutor = defineExecutor<SendEmailConfig>({
  type: 'action.sendEmail',
  kind: 'external',
  execute(input) {
    const { run, command, config, db, deps } = input;
    const marketing = command.message?.marketing ?? !config.transactional;
    const channel = deps.channels.email;

    const prepare = async (): Promise<PreparedMessage> => {
      const contact = await currentContact(db, run, command.context);
      const to = contact.email;
      const refusal = await consentProblem(db, contact, 'email', marketing);
      if (refusal) return { ...(to ? { to } : {}), plan: { kind: 'skip', reason: refusal } };
      if (!to) return { plan: { kind: 'skip', reason: 'no email address' } };
      const rendered = tryRender(() => {
        const render = templateRenderer({ ...command.context, contact });
        return {
          subject: render('subject', config.subject),
          preheader: config.preheader === undefined ? undefined : render('preheader', config.preheader),
          mjml: render('mjml', config.mjml),
        };
      });
      if (!rendered.ok) return { to, plan: { kind: 'fail', reason: rendered.reason } };
      const { subject, preheader, mjml } = rendered.value;
      const from = config.from ? { from: config.from } : {};
      return {
        to,
        subject,
        body: mjml,
        plan: {
          kind: 'send',
          send: async (id) => {
            const message = { id, idempotencyKey: command.idempotencyKey, to: [to], ...from, subject, ...(preheader ? { preheader } : {}), mjml, text: mjmlToText(mjml), marketing };
            const { providerId } = await channel.send(message, input.attempt.signal);
            return { status: 'sent', provider: channel.provider, providerId };
          },
        },
      };
    };
    return deliverMessage(db, messageEffect(input, { channel: 'email', marketing }, { resendable: channel.idempotent, prepare }));
  },
});
