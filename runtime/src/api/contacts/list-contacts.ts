import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { errorResponse } from '../error-responses';
import { decodeCursor, pageSchema } from '../pagination';
import type { ContactRouteDeps } from './deps';
import { searchContacts } from './queries';
import { contactResponseSchema, searchContactsQuery } from './schemas';

export const listContactsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['contacts'],
  summary: 'Find contacts by email, phone or name; newest first',
  request: { query: searchContactsQuery },
  responses: {
    200: { description: 'One page of contacts', content: { 'application/json': { schema: pageSchema(contactResponseSchema) } } },
    400: errorResponse('A bad limit or cursor'),
  },
});

export function listContactsHandler(deps: ContactRouteDeps): RouteHandler<typeof listContactsRoute> {
  return async (c) => {
    const { query, limit, cursor } = c.req.valid('query');
    return c.json(await searchContacts(deps.sql, query, limit, decodeCursor(cursor)), 200);
  };
}
