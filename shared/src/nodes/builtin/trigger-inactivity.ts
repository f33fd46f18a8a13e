import { z } from 'zod';
import { defineNode, NEXT } from '../types';

const activities = { order: 'ordered', login: 'logged in' } as const;

export const triggerInactivity = defineNode({
  type: 'trigger.inactivity',
  title: 'When a contact goes quiet',
  description: 'Starts the flow when a contact has not ordered or logged in for a number of days: win-back and re-engagement.',
  category: 'trigger',
  icon: 'moon',
  color: '#7c3aed',
  version: 1,
  configSchema: () => z.object({
    activity: z
      .enum(['order', 'login'])
      .default('order')
      .meta({ title: 'No activity of type', enumLabels: { order: 'no order', login: 'no login' } }),
    days: z.number().int().min(1).default(90).meta({ title: 'For days', description: 'Counted from the contact’s last order or login' }),
  }),
  defaults: { activity: 'order', days: 90 },
  outputs: () => [NEXT],
  summary: (c) => `When not ${activities[c.activity]} for ${c.days} ${c.days === 1 ? 'day' : 'days'}`,
  behavior: {
    kind: 'scheduleTrigger',
    nextFireAt: (c, facts, after) => {
      const last = c.activity === 'order' ? facts.contact.lastOrderAt : facts.contact.lastLoginAt;
      if (!last) return undefined;
      const lastMs = Date.parse(last);
      if (Number.isNaN(lastMs)) return undefined;
      const fire = new Date(lastMs + c.days * 86_400_000);
      return fire.getTime() > after.getTime() ? fire : undefined;
    },
  },
});
