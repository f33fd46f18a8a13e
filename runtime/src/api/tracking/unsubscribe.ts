import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { suppress } from '../../db';
import type { TrackingRouteDeps } from './deps';
import { linkedMessage } from './linked-message';
import { confirmUnsubscribePage, unsubscribedPage } from './pages';
import { htmlResponse, invalidLink, privatePageHeaders, tokenParams } from './responses';

export const unsubscribePageRoute = createRoute({
  method: 'get',
  path: '/{token}',
  tags: ['tracking'],
  summary: 'The unsubscribe link of an email: asks to confirm',
  description: 'Changes nothing: mail scanners open links to check them. The page’s button POSTs to the same address.',
  security: [],
  request: { params: tokenParams },
  responses: {
    200: htmlResponse('The confirmation page'),
    404: htmlResponse('The token is not one of ours, or its message is gone'),
  },
});

export const unsubscribeRoute = createRoute({
  method: 'post',
  path: '/{token}',
  tags: ['tracking'],
  summary: 'Unsubscribe from marketing email (the page’s button, or a mail client’s one-click unsubscribe)',
  description:
    'Suppresses marketing email to the message’s contact at once (transactional mail still goes out). Mail clients POST ' +
    '`List-Unsubscribe=One-Click` here (RFC 8058); any body is accepted. Test messages change nothing.',
  security: [],
  request: { params: tokenParams },
  responses: {
    200: htmlResponse('Unsubscribed'),
    404: htmlResponse('The token is not one of ours, or its message is gone'),
  },
});

export function unsubscribePageHandler(deps: TrackingRouteDeps): RouteHandler<typeof unsubscribePageRoute> {
  return async (c) => {
    const linked = await linkedMessage(deps, c.req.valid('param').token, 'unsubscribe');
    if (!linked?.message) return invalidLink(c);
    return c.html(confirmUnsubscribePage, 200, privatePageHeaders);
  };
}

export function unsubscribeHandler(deps: TrackingRouteDeps): RouteHandler<typeof unsubscribeRoute> {
  return async (c) => {
    const linked = await linkedMessage(deps, c.req.valid('param').token, 'unsubscribe');
    if (!linked?.message) return invalidLink(c);
    const { message } = linked;
    if (!message.test) await suppress(deps.sql, { contactId: message.contactId, channel: 'email', reason: 'unsubscribed' });
    return c.html(unsubscribedPage(message.test), 200, privatePageHeaders);
  };
}
