import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { getContact, listOrdersOfContact, listSuppressions } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import { eventHistory } from '../events/event-history';
import { DEFAULT_LIMIT } from '../pagination';
import { runPage } from '../runs/list-runs';
import type { ContactRouteDeps } from './deps';
import { contactDetailSchema, contactIdParams } from './schemas';

export const getContactRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['contacts'],
  summary: 'A contact with their latest events, orders, runs and suppressions',
  request: { params: contactIdParams },
  responses: {
    200: { description: 'The contact', content: { 'application/json': { schema: contactDetailSchema } } },
    404: errorResponse('No such contact'),
  },
});

export function getContactHandler(deps: ContactRouteDeps): RouteHandler<typeof getContactRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const contact = await getContact(deps.sql, id);
    if (!contact) throw ApiError.notFound('contact', id);
    const [events, orders, runs, suppressions] = await Promise.all([
      eventHistory(deps.sql, { contactId: id }, DEFAULT_LIMIT),
      listOrdersOfContact(deps.sql, id, DEFAULT_LIMIT),
      runPage(deps.sql, { contactId: id }, DEFAULT_LIMIT),
      listSuppressions(deps.sql, { contactId: id }),
    ]);
    return c.json({ contact, events, orders, runs, suppressions }, 200);
  };
}
