import { z } from '@hono/zod-openapi';
import { pageSchema } from '../pagination';
import { eventComponent } from '../shared-schemas';

export const MAX_BATCH = 1000;

export const eventSchema = eventComponent;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One event, a bare array, or `{ events: [...] }`, all read as the last form, so that every
 * problem is reported at `events.<index>.<field>` (a single event is item 0).
 */
export const ingestBodySchema = z
  .preprocess(
    (body) => (Array.isArray(body) ? { events: body } : isObject(body) && !('events' in body) ? { events: [body] } : body),
    z.object({
      events: z
        .array(eventSchema)
        .min(1, 'send at least one event')
        .max(MAX_BATCH, `a batch holds at most ${MAX_BATCH.toLocaleString('en')} events; split it into several requests`),
    }),
  )
  .openapi({
    description: `A batch of up to ${MAX_BATCH.toLocaleString('en')} events; a single event or a bare array of events is accepted too.`,
  });

export const ingestResultSchema = z
  .object({
    accepted: z.number().int().openapi({ description: 'Events stored now' }),
    duplicates: z.number().int().openapi({ description: 'Events whose id was stored before: nothing changed' }),
    results: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['accepted', 'duplicate']),
        contactId: z.string().openapi({ description: 'The contact the event was filed under' }),
      }),
    ),
  })
  .openapi('IngestResult');

/** An event as stored, for the admin views of contacts and orders. */
export const storedEventSchema = z
  .object({ event: eventSchema, contactId: z.string(), orderId: z.string().optional(), receivedAt: z.string() })
  .openapi('StoredEvent');

export const eventPageSchema = pageSchema(storedEventSchema);
