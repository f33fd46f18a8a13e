import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { getContact } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import { eventHistory } from '../events/event-history';
import { decodeCursor, pageQuerySchema } from '../pagination';
import type { ContactRouteDeps } from './deps';
import { eventPageSchema } from '../events/schemas';
import { contactIdParams } from './schemas';

export const contactEventsRoute = createRoute({
  method: 'get',
  path: '/{id}/events',
  tags: ['contacts'],
  summary: "A contact's events, newest first (by when they happened)",
  request: { params: contactIdParams, query: pageQuerySchema },
  responses: {
    200: { description: 'One page of events', content: { 'application/json': { schema: eventPageSchema } } },
    400: errorResponse('A bad limit or cursor'),
    404: errorResponse('No such contact'),
  },
});

export function contactEventsHandler(deps: ContactRouteDeps): RouteHandler<typeof contactEventsRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const before = decodeCursor(cursor);
    if (!(await getContact(deps.sql, id))) throw ApiError.notFound('contact', id);
    return c.json(await eventHistory(deps.sql, { contactId: id }, limit, before), 200);
  };
}
