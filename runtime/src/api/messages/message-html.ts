import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { getMessage } from '../../db';
import { MjmlUnreadable, mjmlToHtml } from '../../email/mjml-to-html';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { MessageRouteDeps } from './list-messages';
import { messageHtmlSchema } from './schemas';

const messageIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'msg_4fQxYb2kPq9sLm3n' }) });

export const messageHtmlRoute = createRoute({
  method: 'get',
  path: '/{id}/html',
  tags: ['messages'],
  summary: "An email message's HTML, for the admin's outbox view",
  description:
    'Rendered again from the MJML stored with the message, without click tracking or the open pixel: looking at it records nothing. ' +
    'Show it in a sandboxed frame: it holds customer data.',
  request: { params: messageIdParams },
  responses: {
    200: { description: 'The HTML', content: { 'application/json': { schema: messageHtmlSchema } } },
    404: errorResponse('No such message (`not_found`), or it is not an email with a body (`no_html`)'),
    422: errorResponse('The stored body cannot be read as MJML (`unreadable_email`)'),
  },
});

export function messageHtmlHandler(deps: MessageRouteDeps): RouteHandler<typeof messageHtmlRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const message = await getMessage(deps.sql, id);
    if (!message) throw ApiError.notFound('message', id);
    if (message.channel !== 'email' || !message.body) {
      const what = message.channel === 'email' ? 'an email without a stored body' : `a message on the ${message.channel} channel`;
      throw new ApiError(404, 'no_html', `message "${id}" is ${what}: it has no HTML`);
    }
    try {
      const { html } = await mjmlToHtml(message.body);
      return c.json({ html }, 200);
    } catch (error) {
      if (error instanceof MjmlUnreadable) throw new ApiError(422, 'unreadable_email', `message "${id}": ${error.message}`);
      throw error;
    }
  };
}
