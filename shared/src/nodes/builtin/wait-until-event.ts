import { z } from 'zod';
import { eventTypeSchema } from '../../data/event-type';
import { describeRuleSet } from '../../rules/describe';
import { ruleSetSchema } from '../../rules/schema';
import { durationSchema, formatDuration, parseDuration } from '../../time/duration';
import { defineNode } from '../types';

export const waitUntilEvent = defineNode({
  type: 'wait.untilEvent',
  title: 'Wait for an event',
  description: 'Waits until the contact does something (pays, buys, clicks), or until the time runs out.',
  category: 'wait',
  icon: 'hourglass',
  color: '#d97706',
  version: 1,
  configSchema: () => z.object({
    event: eventTypeSchema.meta({ title: 'Event', examples: ['order.paid', 'order.created', 'email.clicked'] }),
    sameOrder: z.boolean().default(true).meta({ title: 'Same order only', description: 'Only an event about the order that started the run counts' }),
    filter: ruleSetSchema.optional().meta({ title: 'Only when' }),
    timeout: durationSchema.meta({ title: 'Give up after', description: 'ISO 8601 duration, e.g. PT24H' }),
  }),
  defaults: { event: 'order.paid', sameOrder: true, timeout: 'PT24H' },
  outputs: () => [
    { id: 'event', label: 'Happened' },
    { id: 'timeout', label: 'Timed out' },
  ],
  summary: (c) => {
    const filter = describeRuleSet(c.filter);
    return `Wait up to ${formatDuration(c.timeout)} for ${c.event}${filter ? ` where ${filter}` : ''}`;
  },
  behavior: {
    kind: 'wait',
    plan: (c, ctx, now) => ({
      kind: 'event',
      match: { type: c.event, ...(c.filter ? { filter: c.filter } : {}), ...(c.sameOrder && ctx.order ? { orderId: ctx.order.id } : {}) },
      until: new Date(now.getTime() + (parseDuration(c.timeout) ?? 0) * 1000),
    }),
  },
});
