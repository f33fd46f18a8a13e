import { z } from 'zod';
import { defineNode, NEXT } from '../types';

export const actionNotify = defineNode({
  type: 'action.notify',
  title: 'Notify the team',
  description: 'Emails an internal alert to staff (a big order, an unhappy customer). Not a message to the contact.',
  category: 'action',
  icon: 'bell',
  color: '#16a34a',
  version: 1,
  configSchema: () => z.object({
    to: z
      .array(z.email('an address looks like "team@example.com"'))
      .min(1, 'add at least one address')
      .meta({ title: 'To', description: 'Staff email addresses' }),
    subject: z.string().min(1, 'the subject is empty').meta({ title: 'Subject', format: 'liquid', description: 'Liquid: {{ order.number }}' }),
    body: z.string().meta({ title: 'Message', format: 'liquid', description: 'Liquid: {{ contact.email }}, {{ order.total }}' }),
  }),
  defaults: {
    to: ['team@example.com'],
    subject: 'Order {{ order.number }} needs attention',
    body: '{{ contact.email }} placed order {{ order.number }} ({{ order.total }} {{ order.currency }}).',
  },
  outputs: () => [NEXT],
  summary: (c) => {
    const to = c.to.length > 2 ? `${c.to.slice(0, 2).join(', ')} +${c.to.length - 2}` : c.to.join(', ');
    return `Notify ${to}: “${c.subject.length > 40 ? `${c.subject.slice(0, 39)}…` : c.subject}”`;
  },
  templates: (c) => [
    { field: 'subject', source: c.subject, kind: 'liquid' },
    { field: 'body', source: c.body, kind: 'liquid' },
  ],
  // No message traits: an internal alert obeys no consent, window or cap.
  behavior: { kind: 'effect' },
});
