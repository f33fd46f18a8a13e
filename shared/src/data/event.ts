import { z } from 'zod';
import { contactRefSchema } from './contact';
import { cartSchema, orderSchema, productSchema } from './order';

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

export const flowEventSchema = z
  .object({
    /** Idempotency key: the same id twice is the same event. */
    id: z.string().min(1),
    type: eventTypeSchema,
    occurredAt: z.iso.datetime({ offset: true }),
    contact: contactRefSchema,
    order: orderSchema.optional(),
    cart: cartSchema.optional(),
    product: productSchema.optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ title: 'Event' });

export type FlowEvent = z.infer<typeof flowEventSchema>;
