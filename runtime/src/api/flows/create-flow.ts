import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { createFlow } from '../../db';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { flowDetail } from './flow-view';
import { flowBodySchema, flowDetailSchema } from './schemas';

export const createFlowRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['flows'],
  summary: 'Create a draft flow',
  description: 'The graph must have the flow shape; a draft may still have problems (returned per node) that block publishing.',
  request: { body: { required: true, content: { 'application/json': { schema: flowBodySchema } } } },
  responses: {
    201: { description: 'The new draft', content: { 'application/json': { schema: flowDetailSchema } } },
    400: errorResponse('The body is not a flow graph; details name every bad field'),
  },
});

export function createFlowHandler(deps: FlowRouteDeps): RouteHandler<typeof createFlowRoute> {
  return async (c) => {
    const { name, graph } = c.req.valid('json');
    const flow = await createFlow(deps.sql, { graph, ...(name !== undefined ? { name } : {}) });
    return c.json(await flowDetail(deps.sql, deps.registry, flow), 201);
  };
}
