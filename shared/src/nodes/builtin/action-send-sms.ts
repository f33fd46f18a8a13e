import { z } from 'zod';
import { defineNode, NEXT } from '../types';
import { describeMessageWindow, messageWindowSchema, windowTraits } from './message-window';

export const actionSendSms = defineNode({
  type: 'action.sendSms',
  title: 'Send SMS',
  description: 'Sends a text message to the contact’s phone, personalised with Liquid.',
  category: 'action',
  icon: 'message-square',
  color: '#16a34a',
  version: 1,
  configSchema: () => z.object({
    body: z.string().min(1, 'the message is empty').meta({ title: 'Message', format: 'liquid', description: 'Liquid: {{ contact.firstName }}, {{ order.number }}' }),
    transactional: z
      .boolean()
      .default(false)
      .meta({ title: 'Transactional', description: 'Service messages skip marketing consent, the flow’s send window and caps' }),
    sendWindow: messageWindowSchema(),
  }),
  defaults: { body: 'Hi {{ contact.firstName }}, your order {{ order.number }} is waiting for payment.', transactional: false },
  outputs: () => [NEXT],
  // The window goes before the text: the canvas cuts a long summary at its end.
  summary: (c) => `SMS${describeMessageWindow(c.sendWindow)}: “${c.body.length > 48 ? `${c.body.slice(0, 47)}…` : c.body}”`,
  templates: (c) => [{ field: 'body', source: c.body, kind: 'liquid' }],
  behavior: {
    kind: 'effect',
    message: (c) => ({ channel: 'sms', marketing: !c.transactional, ...windowTraits(c.sendWindow) }),
  },
});
