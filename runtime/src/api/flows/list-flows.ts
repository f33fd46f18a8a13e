import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { listFlows } from '../../db';
import type { FlowRouteDeps } from './deps';
import { flowListItem } from './flow-view';
import { flowActivity } from './queries';
import { flowStatusSchema, flowSummarySchema } from './schemas';

export const listFlowsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['flows'],
  summary: 'Flows with their status, published version and how many contacts are in each',
  request: { query: z.object({ status: flowStatusSchema.optional() }) },
  responses: {
    200: { description: 'Flows that are not deleted, most recently changed first', content: { 'application/json': { schema: z.array(flowSummarySchema) } } },
  },
});

export function listFlowsHandler(deps: FlowRouteDeps): RouteHandler<typeof listFlowsRoute> {
  return async (c) => {
    const { status } = c.req.valid('query');
    const [flows, activity] = await Promise.all([listFlows(deps.sql, status ? { status } : {}), flowActivity(deps.sql)]);
    return c.json(
      flows.map((flow) => flowListItem(flow, activity.get(flow.id))),
      200,
    );
  };
}
