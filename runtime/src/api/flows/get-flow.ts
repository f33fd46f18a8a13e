import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { getFlow } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { flowDetail } from './flow-view';
import { flowDetailSchema, flowIdParams } from './schemas';

export const getFlowRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['flows'],
  summary: 'A flow: its draft graph, the problems in it and the published version',
  request: { params: flowIdParams },
  responses: {
    200: { description: 'The flow', content: { 'application/json': { schema: flowDetailSchema } } },
    404: errorResponse('No such flow (or it was deleted)'),
  },
});

export function getFlowHandler(deps: FlowRouteDeps): RouteHandler<typeof getFlowRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const flow = await getFlow(deps.sql, id);
    if (!flow) throw ApiError.notFound('flow', id);
    return c.json(await flowDetail(deps.sql, deps.registry, flow), 200);
  };
}
