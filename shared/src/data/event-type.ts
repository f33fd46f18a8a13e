import { z } from 'zod';

/** Well-known event names. Any other dotted name is a valid custom event. */
export const knownEventTypes = [
  'order.created',
  'order.paid',
  'order.cancelled',
  'order.shipped',
  'order.delivered',
  'cart.updated',
  'customer.registered',
  'customer.login',
  'newsletter.subscribed',
  'product.viewed',
  'search.performed',
  'email.opened',
  'email.clicked',
] as const;

export const eventTypeSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]*(\.[a-z][a-zA-Z0-9_]*)+$/, 'an event name looks like "order.paid": lower-case words joined by dots');
