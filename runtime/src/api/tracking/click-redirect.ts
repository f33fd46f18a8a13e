import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import type { TrackingRouteDeps } from './deps';
import { linkedMessage } from './linked-message';
import { recordEngagement } from './record-engagement';
import { htmlResponse, invalidLink, logRecordingFailure, privatePageHeaders, tokenParams } from './responses';

export const clickRedirectRoute = createRoute({
  method: 'get',
  path: '/c/{token}',
  tags: ['tracking'],
  summary: 'A tracked link in an email',
  description:
    'Records `email.clicked` (data: url, messageId, flowId, nodeId; once per message and link; nothing for test messages) and ' +
    'redirects to the address signed into the token. A token that is not ours gets 404, never a redirect.',
  security: [],
  request: { params: tokenParams },
  responses: {
    302: { description: 'To the link’s address' },
    404: htmlResponse('The token is not one of ours'),
  },
});

export function clickRedirectHandler(deps: TrackingRouteDeps): RouteHandler<typeof clickRedirectRoute> {
  return async (c) => {
    const linked = await linkedMessage(deps, c.req.valid('param').token, 'click');
    // Only web links are ever wrapped (email/click-tracking.ts); anything else is refused all the same.
    if (!linked || !/^https?:\/\//i.test(linked.link.url)) return invalidLink(c);
    const { url } = linked.link;
    if (linked.message) await recordEngagement(deps, linked.message, { type: 'email.clicked', url }).catch(logRecordingFailure('an email click'));
    // The address was signed by us when the email was rendered: this is no open redirect.
    return c.body(null, 302, { ...privatePageHeaders, Location: url });
  };
}
