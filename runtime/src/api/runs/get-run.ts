import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { getRun, listMessages } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { RunRouteDeps } from './deps';
import { runDetailSchema, runIdParams } from './schemas';

export const getRunRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['runs'],
  summary: 'A run with its steps and messages: why a contact got, or did not get, a message',
  request: { params: runIdParams },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: runDetailSchema } } },
    404: errorResponse('No such run'),
  },
});

/** A run's messages are few (one per action node visit); this bounds a pathological loop. */
const MAX_MESSAGES = 500;

export function getRunHandler(deps: RunRouteDeps): RouteHandler<typeof getRunRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const [run, messages] = await Promise.all([getRun(deps.sql, id), listMessages(deps.sql, { runId: id, limit: MAX_MESSAGES })]);
    if (!run) throw ApiError.notFound('run', id);
    return c.json({ ...run, messages: messages.items.reverse() }, 200);
  };
}
