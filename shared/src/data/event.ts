import { z } from 'zod';
import { contactRefSchema } from './contact';
import { eventTypeSchema } from './event-type';
import { cartSchema, orderSchema, productSchema } from './order';

// Kept apart so that node types and flow settings, which need only the name, do not build the
// event schema (with the contact and order schemas) whenever they are loaded.
export { eventTypeSchema, knownEventTypes } from './event-type';

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
