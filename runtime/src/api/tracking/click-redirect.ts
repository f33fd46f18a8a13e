import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import type { TrackingRouteDeps } from './deps';
import { linkedMessage } from './linked-message';
import { recordEngagement } from './record-engagement';
import { hitRequest, htmlResponse, invalidLink, logRecordingFailure, privatePageHeaders, tokenParams } from './responses';

export const clickRedirectRoute = createRoute({
  method: 'get',
  path: '/c/{token}',
  tags: ['tracking'],
  summary: 'A tracked link in an email',
  description:
    'Records `email.clicked` (data: url, messageId, flowId, nodeId; once per message and link; nothing for test messages) and ' +
    'redirects to the address signed into the token. Link scanners and other machines (by user agent, or clicking within ' +
    'seconds of sending) are recorded apart with `data.machine: true` and reach no flow; HEAD records nothing. ' +
    'A token that is not ours gets 404, never a redirect.',
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
    if (linked.message) await recordEngagement(deps, linked.message, { type: 'email.clicked', url }, hitRequest(c)).catch(logRecordingFailure('an email click'));
    // Machines get the same answer as people: a scanner must see what the customer will see.
    // The address was signed by us when the email was rendered: this is no open redirect.
    return c.body(null, 302, { ...privatePageHeaders, Location: url });
  };
}
