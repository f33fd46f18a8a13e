import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { errorResponse } from '../error-responses';
import { renderEmailPreview } from './render-email';
import { sampleContext } from './sample-context';
import { emailPreviewRequestSchema, emailPreviewSchema } from './schemas';

export const emailPreviewRoute = createRoute({
  method: 'post',
  path: '/email',
  tags: ['preview'],
  summary: 'Render an email (MJML with Liquid) for a sample customer and order',
  description:
    'What the editor shows beside the MJML editor. Liquid and MJML problems come back in `errors` with their lines (200), ' +
    'so a half-written email still answers; nothing is sent or stored.',
  request: { body: { content: { 'application/json': { schema: emailPreviewRequestSchema } }, required: true } },
  responses: {
    200: { description: 'The rendered email and any problems', content: { 'application/json': { schema: emailPreviewSchema } } },
    400: errorResponse('The body is missing or not text'),
  },
});

export const emailPreviewHandler: RouteHandler<typeof emailPreviewRoute> = async (c) => {
  const { subject, body, sample } = c.req.valid('json');
  const preview = await renderEmailPreview({ ...(subject !== undefined ? { subject } : {}), body, context: sampleContext(sample) });
  return c.json(preview, 200);
};
