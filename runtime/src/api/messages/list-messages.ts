import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { listMessages } from '../../db';
import { errorResponse } from '../error-responses';
import { decodeCursor, pageQuerySchema, toApiPage } from '../pagination';
import type { ApiRouteDeps } from '../routes';
import { messageChannelSchema, messagePageSchema, messageStatusSchema } from './schemas';

export type MessageRouteDeps = Pick<ApiRouteDeps, 'sql'>;

export const listMessagesRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['messages'],
  summary: 'Messages sent, queued or skipped, newest first',
  request: {
    query: pageQuerySchema.extend({
      flowId: z.string().min(1).optional(),
      contactId: z.string().min(1).optional(),
      runId: z.string().min(1).optional(),
      channel: messageChannelSchema.optional(),
      status: messageStatusSchema.optional(),
    }),
  },
  responses: {
    200: { description: 'One page of messages', content: { 'application/json': { schema: messagePageSchema } } },
    400: errorResponse('A bad filter, limit or cursor'),
  },
});

export function listMessagesHandler(deps: MessageRouteDeps): RouteHandler<typeof listMessagesRoute> {
  return async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    const before = decodeCursor(cursor);
    return c.json(toApiPage(await listMessages(deps.sql, { ...filter, limit, ...(before ? { before } : {}) })), 200);
  };
}
