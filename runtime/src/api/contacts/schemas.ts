import { z } from '@hono/zod-openapi';
import { eventPageSchema } from '../events/schemas';
import { storedOrderSchema } from '../orders/schemas';
import { pageQuerySchema, pageSchema } from '../pagination';
import { runSchema } from '../runs/schemas';
import { contactComponent } from '../shared-schemas';

export const contactResponseSchema = contactComponent;

export const contactIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });

export const searchContactsQuery = pageQuerySchema.extend({
  query: z.string().max(200).optional().openapi({
    description: 'Part of the email or name (any case), the end of the phone number, or the exact id or shop customer id',
  }),
});

export const suppressionSchema = z
  .object({
    contactId: z.string(),
    channel: z.enum(['email', 'sms', 'all']),
    reason: z.string().openapi({ description: '"unsubscribed", "hard bounce", "complaint", "manual" …' }),
    createdAt: z.string(),
  })
  .openapi('Suppression');

export const contactDetailSchema = z
  .object({
    contact: contactResponseSchema,
    events: eventPageSchema.openapi({ description: 'The latest events; more from GET /api/contacts/{id}/events?cursor=' }),
    orders: z.array(storedOrderSchema).openapi({ description: 'The latest orders, newest first' }),
    runs: pageSchema(runSchema).openapi({ description: 'The latest runs; more from GET /api/runs?contactId=&cursor=' }),
    suppressions: z.array(suppressionSchema).openapi({ description: 'Channels the contact must not get messages on' }),
  })
  .openapi('ContactDetail');
