import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { getFlow, getFlowVersion, listFlowVersions } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { flowIdParams, flowVersionSchema, flowVersionSummarySchema } from './schemas';

export const listVersionsRoute = createRoute({
  method: 'get',
  path: '/{id}/versions',
  tags: ['flows'],
  summary: "A flow's published versions, newest first",
  request: { params: flowIdParams },
  responses: {
    200: { description: 'The versions (empty for a flow never published)', content: { 'application/json': { schema: z.array(flowVersionSummarySchema) } } },
    404: errorResponse('No such flow (or it was deleted)'),
  },
});

export const getVersionRoute = createRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  tags: ['flows'],
  summary: 'One published version with its graph',
  description: "Versions stay readable after their flow is deleted: runs keep pointing at them.",
  request: {
    params: flowIdParams.extend({ version: z.coerce.number().int().positive().openapi({ param: { name: 'version', in: 'path' }, example: 1 }) }),
  },
  responses: {
    200: { description: 'The version, exactly as published', content: { 'application/json': { schema: flowVersionSchema } } },
    400: errorResponse('The version is not a positive whole number'),
    404: errorResponse('No such version'),
  },
});

export function listVersionsHandler(deps: FlowRouteDeps): RouteHandler<typeof listVersionsRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const flow = await getFlow(deps.sql, id);
    if (!flow) throw ApiError.notFound('flow', id);
    const versions = await listFlowVersions(deps.sql, id);
    return c.json(
      versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, current: v.version === flow.publishedVersion })),
      200,
    );
  };
}

export function getVersionHandler(deps: FlowRouteDeps): RouteHandler<typeof getVersionRoute> {
  return async (c) => {
    const { id, version } = c.req.valid('param');
    const found = await getFlowVersion(deps.sql, id, version);
    if (!found) throw ApiError.notFound('version', `${id} v${version}`);
    return c.json(found, 200);
  };
}
