import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { TrackingRouteDeps } from './deps';
import { linkedMessage } from './linked-message';
import { recordEngagement } from './record-engagement';
import { hitRequest, htmlResponse, invalidLink, logRecordingFailure, tokenParams } from './responses';

/** A transparent 1x1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const openPixelRoute = createRoute({
  method: 'get',
  path: '/o/{token}',
  tags: ['tracking'],
  summary: 'The open pixel of an email',
  description:
    'Records `email.opened` for the message (once per message, however often the image loads; nothing for test messages) and answers a 1x1 GIF that is never cached. ' +
    'Prefetches and other machines (by user agent, e.g. Apple Mail Privacy Protection, or within seconds of sending) are recorded apart with `data.machine: true` ' +
    'and reach no flow; Gmail’s and Yahoo’s image proxies count as the customer’s opens; HEAD records nothing.',
  security: [],
  request: { params: tokenParams },
  responses: {
    200: { description: 'A transparent 1x1 GIF', content: { 'image/gif': { schema: z.string().openapi({ format: 'binary' }) } } },
    404: htmlResponse('The token is not one of ours'),
  },
});

export function openPixelHandler(deps: TrackingRouteDeps): RouteHandler<typeof openPixelRoute> {
  return async (c) => {
    const linked = await linkedMessage(deps, c.req.valid('param').token, 'open');
    if (!linked) return invalidLink(c);
    if (linked.message) await recordEngagement(deps, linked.message, { type: 'email.opened' }, hitRequest(c)).catch(logRecordingFailure('an email open'));
    return c.body(new Uint8Array(PIXEL), 200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store, max-age=0' });
  };
}
