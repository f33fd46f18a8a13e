import { z } from '@hono/zod-openapi';
import { eventPageSchema } from '../events/schemas';
import { orderComponent } from '../shared-schemas';

export const orderIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });

export const storedOrderSchema = z
  .object({
    order: orderComponent,
    contactId: z.string(),
    createdAt: z.string().openapi({ description: "When it was placed: the shop's createdAt, else when it was first heard of" }),
    cancelledAt: z.string().optional(),
  })
  .openapi('StoredOrder');

export const orderDetailSchema = storedOrderSchema
  .extend({ events: eventPageSchema.openapi({ description: 'The latest events about the order; more from GET /api/orders/{id}/events?cursor=' }) })
  .openapi('OrderDetail');
