import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { MjmlUnreadable } from '../../email/mjml-to-html';
import { emailContent } from '../../email/render-email';
import { trackingLinks } from '../../links/message-links';
import type { TrackingRouteDeps } from './deps';
import { linkedMessage } from './linked-message';
import { unavailableEmailPage } from './pages';
import { htmlResponse, invalidLink, privatePageHeaders, tokenParams } from './responses';

/**
 * The email's HTML holds the customer's data as the shop sent it, and is served from the API's
 * own origin: sandboxed so that no script in it can run, nor read anything of this origin.
 */
const sandbox = {
  ...privatePageHeaders,
  'Content-Security-Policy': "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline' https:; font-src https: data:",
  'X-Content-Type-Options': 'nosniff',
};

export const viewEmailRoute = createRoute({
  method: 'get',
  path: '/{token}',
  tags: ['tracking'],
  summary: 'An email in the browser (its "view in browser" link)',
  description: 'The email as it was sent, rendered again from the stored MJML; scripts cannot run in it.',
  security: [],
  request: { params: tokenParams },
  responses: {
    200: htmlResponse('The email'),
    404: htmlResponse('The token is not one of ours, or the email is not stored'),
  },
});

export function viewEmailHandler(deps: TrackingRouteDeps): RouteHandler<typeof viewEmailRoute> {
  return async (c) => {
    const linked = await linkedMessage(deps, c.req.valid('param').token, 'view');
    if (!linked) return invalidLink(c);
    const { message, link } = linked;
    if (message?.channel !== 'email' || !message.body) return c.html(unavailableEmailPage, 404, privatePageHeaders);
    try {
      const { html } = await emailContent(message.body, trackingLinks(deps.messaging, link.message));
      return c.html(html, 200, sandbox);
    } catch (error) {
      if (error instanceof MjmlUnreadable) return c.html(unavailableEmailPage, 404, privatePageHeaders);
      throw error;
    }
  };
}
