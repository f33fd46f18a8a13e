import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { saveDraft } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { flowDetail } from './flow-view';
import { flowBodySchema, flowDetailSchema, flowIdParams } from './schemas';

export const saveFlowRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['flows'],
  summary: 'Save the draft graph',
  description: 'Published versions and contacts already in the flow are not affected. The answer lists the problems per node.',
  request: { params: flowIdParams, body: { required: true, content: { 'application/json': { schema: flowBodySchema } } } },
  responses: {
    200: { description: 'The saved draft with its problems', content: { 'application/json': { schema: flowDetailSchema } } },
    400: errorResponse('The body is not a flow graph; details name every bad field'),
    404: errorResponse('No such flow (or it was deleted)'),
  },
});

export function saveFlowHandler(deps: FlowRouteDeps): RouteHandler<typeof saveFlowRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const { name, graph } = c.req.valid('json');
    const flow = await saveDraft(deps.sql, id, name === undefined ? graph : { ...graph, name });
    if (!flow) throw ApiError.notFound('flow', id);
    return c.json(await flowDetail(deps.sql, deps.registry, flow), 200);
  };
}
