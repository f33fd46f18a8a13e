import { z } from 'zod';
import { eventTypeSchema } from '../../data/event-type';
import { describeRuleSet } from '../../rules/describe';
import { evaluateRuleSet } from '../../rules/evaluate';
import { ruleSetSchema } from '../../rules/schema';
import { defineNode, NEXT } from '../types';

export const triggerEvent = defineNode({
  type: 'trigger.event',
  title: 'When an event happens',
  description: 'Starts the flow when the shop sends an event: an order placed, a cart updated, a signup, or any custom event.',
  category: 'trigger',
  icon: 'zap',
  color: '#7c3aed',
  version: 1,
  configSchema: () => z.object({
    event: eventTypeSchema.meta({
      title: 'Event',
      description: 'e.g. order.created, cart.updated, customer.registered, or any custom name',
      examples: ['order.created', 'cart.updated', 'customer.registered', 'newsletter.subscribed', 'product.viewed', 'search.performed'],
    }),
    filter: ruleSetSchema.optional().meta({ title: 'Only when', description: 'Rules the event must also match' }),
  }),
  defaults: { event: 'order.created' },
  outputs: () => [NEXT],
  summary: (c) => {
    const filter = describeRuleSet(c.filter);
    return filter ? `When ${c.event}, if ${filter}` : `When ${c.event}`;
  },
  behavior: {
    kind: 'eventTrigger',
    eventType: (c) => c.event,
    matches: (c, event) => event.type === c.event && evaluateRuleSet(c.filter, { event, contact: event.contact, order: event.order, cart: event.cart, product: event.product }),
  },
});
