import { emailContent, personalizeEmail, unsubscribeHeaders, type EmailContent, type PersonalizedEmail } from '../../email/render-email';
import { MjmlUnreadable } from '../../email/mjml-to-html';
import { trackingLinks } from '../../links/message-links';
import { consentProblem, currentContact } from '../audience';
import { deliverMessage, messageEffect, type PreparedMessage } from '../deliver-message';
import { defineExecutor } from '../executor-registry';
import { tryRender } from '../render';

interface SendEmailConfig {
  subject: string;
  preheader?: string;
  mjml: string;
  from?: string;
  transactional: boolean;
}

/** The MJML's HTML and text parts, or why the email cannot be read as MJML (a failed node, not a retry). */
async function tryContent(render: () => Promise<EmailContent>): Promise<{ ok: true; value: EmailContent } | { ok: false; reason: string }> {
  try {
    return { ok: true, value: await render() };
  } catch (error) {
    if (error instanceof MjmlUnreadable) return { ok: false, reason: `mjml: ${error.message}` };
    throw error;
  }
}

/**
 * action.sendEmail: consent, then the contact's current address, then subject, preheader and
 * MJML rendered with Liquid (with this message's tracking, unsubscribe and "view in browser"
 * links), MJML to HTML with click tracking and the open pixel, a plain-text part, and for
 * marketing mail the one-click unsubscribe headers. The message row keeps the personalized MJML
 * as its body: "view in browser" renders it into the same HTML again, and it is a fraction of
 * the HTML's size.
 */
export const sendEmailExecutor = defineExecutor<SendEmailConfig>({
  type: 'action.sendEmail',
  kind: 'external',
  execute(input) {
    const { run, command, config, db, deps } = input;
    const marketing = command.message?.marketing ?? !config.transactional;
    const channel = deps.channels.email;
    const links = trackingLinks(deps.messaging, command.idempotencyKey);

    const prepare = async (): Promise<PreparedMessage> => {
      const contact = await currentContact(db, run, command.context);
      const to = contact.email;
      const refusal = await consentProblem(db, contact, 'email', marketing);
      if (refusal) return { ...(to ? { to } : {}), plan: { kind: 'skip', reason: refusal } };
      if (!to) return { plan: { kind: 'skip', reason: 'no email address' } };
      const personalized = tryRender((): PersonalizedEmail => personalizeEmail(config, { ...command.context, contact }, links));
      if (!personalized.ok) return { to, plan: { kind: 'fail', reason: personalized.reason } };
      const { subject, mjml } = personalized.value;
      const content = await tryContent(() => emailContent(mjml, links));
      if (!content.ok) return { to, subject, body: mjml, plan: { kind: 'fail', reason: content.reason } };
      const { html, text } = content.value;
      const from = config.from ? { from: config.from } : {};
      const headers = marketing ? { headers: unsubscribeHeaders(links) } : {};
      return {
        to,
        subject,
        body: mjml,
        plan: {
          kind: 'send',
          send: async (id) => {
            const message = { id, idempotencyKey: command.idempotencyKey, to: [to], ...from, subject, html, text, ...headers, marketing };
            const { providerId } = await channel.send(message, input.attempt.signal);
            return { status: 'sent', provider: channel.provider, providerId };
          },
        },
      };
    };
    return deliverMessage(db, messageEffect(input, { channel: 'email', marketing }, { resendable: channel.idempotent, prepare }));
  },
});
