import { z } from 'zod';
import { lazy } from '../lazy';
import { defineNode, NEXT } from '../types';
import { describeMessageWindow, messageWindowSchema, windowTraits } from './message-window';

const addressSchema = lazy(() => z.email());
const namedAddress = /^[^<>]+<([^<>]+)>$/;

/** "shop@example.com" or "Shop <shop@example.com>". */
function isSender(text: string): boolean {
  const inner = namedAddress.exec(text.trim())?.[1] ?? text.trim();
  return addressSchema().safeParse(inner.trim()).success;
}

function quote(text: string): string {
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

export const actionSendEmail = defineNode({
  type: 'action.sendEmail',
  title: 'Send email',
  description: 'Sends an email written in MJML, personalised with Liquid.',
  category: 'action',
  icon: 'mail',
  color: '#16a34a',
  version: 1,
  configSchema: () => z.object({
    subject: z.string().min(1, 'the subject is empty').meta({ title: 'Subject', format: 'liquid', description: 'Liquid: {{ contact.firstName }}' }),
    preheader: z.string().optional().meta({ title: 'Preheader', format: 'liquid', description: 'The preview line many inboxes show after the subject' }),
    mjml: z.string().min(1, 'the email is empty').meta({ title: 'Email', format: 'mjml', description: 'MJML markup with Liquid inside' }),
    from: z
      .string()
      .refine((text) => text === '' || isSender(text), 'a sender looks like "shop@example.com" or "Shop <shop@example.com>"')
      .optional()
      .meta({ title: 'From', description: 'Leave empty for the server’s default sender' }),
    transactional: z
      .boolean()
      .default(false)
      .meta({ title: 'Transactional', description: 'Service messages skip marketing consent, the flow’s send window and caps' }),
    sendWindow: messageWindowSchema(),
  }),
  defaults: {
    subject: 'Hi {{ contact.firstName }}',
    mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ contact.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>',
    transactional: false,
  },
  outputs: () => [NEXT],
  // The window goes before the subject: the canvas cuts a long summary at its end.
  summary: (c) => `Email${describeMessageWindow(c.sendWindow)}: “${quote(c.subject)}”`,
  templates: (c) => [
    { field: 'subject', source: c.subject, kind: 'liquid' },
    ...(c.preheader === undefined ? [] : [{ field: 'preheader', source: c.preheader, kind: 'liquid' as const }]),
    { field: 'mjml', source: c.mjml, kind: 'mjml' },
  ],
  behavior: {
    kind: 'effect',
    message: (c) => ({ channel: 'email', marketing: !c.transactional, ...windowTraits(c.sendWindow) }),
  },
});
