import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { IngestResult } from '../../db';
import { ApiError, validationError } from '../errors';
import { errorResponse } from '../error-responses';
import type { ApiRouteDeps } from '../routes';
import { ingestBatch } from './ingest-batch';
import { IngestQueue } from './ingest-queue';
import { ingestBodySchema, ingestResultSchema } from './schemas';

export type EventRouteDeps = Pick<ApiRouteDeps, 'sql' | 'onAccepted'>;

export const ingestEventsRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['events'],
  summary: 'Send events from the shop (one, or a batch of up to 1,000)',
  description:
    'Each event is stored with its contact and order in one transaction and answered at once; flows pick it up ' +
    'right after. The event id is the idempotency key: an id stored before changes nothing and is reported as ' +
    '`duplicate`, so a batch can always be sent again. A batch with any invalid event is refused whole (400, ' +
    'every bad field named as `events.<index>.<field>`) and nothing of it is stored.',
  security: [{ apiKey: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: ingestBodySchema } } } },
  responses: {
    202: { description: 'Stored (or already stored)', content: { 'application/json': { schema: ingestResultSchema } } },
    400: errorResponse('Some events are invalid; nothing was stored. details: `[{path, message}]` for every bad field'),
    401: errorResponse('Missing or wrong X-Api-Key'),
  },
});

/** A whole-batch refusal that says how many events are bad, and that nothing was kept. */
export function refuseInvalidBatch(result: { success: true } | { success: false; error: ZodError }): undefined {
  if (result.success) return undefined;
  const base = validationError(result.error, 'events');
  const details = base.details as { path: string }[];
  const bad = new Set(details.map((d) => /^events\.(\d+)/.exec(d.path)?.[1]).filter((i) => i !== undefined));
  const which = bad.size > 0 ? `${bad.size === 1 ? '1 event is' : `${bad.size} events are`} invalid` : 'the batch is invalid';
  throw new ApiError(400, 'invalid_request', `${which}, so nothing was stored; fix and send the batch again (${base.message})`, details);
}

function summarize(results: IngestResult[]) {
  const items = results.map((r) => ({ id: r.eventId, status: r.status === 'stored' ? ('accepted' as const) : ('duplicate' as const), contactId: r.contactId }));
  const accepted = items.filter((i) => i.status === 'accepted').length;
  return { accepted, duplicates: items.length - accepted, results: items };
}

export function ingestEventsHandler(deps: EventRouteDeps): RouteHandler<typeof ingestEventsRoute> {
  const queue = new IngestQueue((events) => ingestBatch(deps.sql, events));
  return async (c) => {
    const { events } = c.req.valid('json');
    let results: IngestResult[];
    try {
      results = await queue.ingest(events);
    } catch (error) {
      // Part of the batch may be stored already: let the dispatcher see it. Sending the batch
      // again is safe, the stored part comes back as duplicates.
      deps.onAccepted();
      throw error;
    }
    const body = summarize(results);
    if (body.accepted > 0) deps.onAccepted();
    return c.json(body, 202);
  };
}
