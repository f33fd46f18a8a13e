import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { CONVERSION_WINDOW_DAYS, flowStatsQuerySchema, flowStatsSchema } from '@nudgeflow/shared/api';
import { flowStats } from '../../db/flow-stats';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { flowIdParams } from './schemas';

export const flowStatsRoute = createRoute({
  method: 'get',
  path: '/{id}/stats',
  tags: ['flows'],
  summary: 'How the flow performs: runs, where contacts are, branches taken, messages and the orders that followed',
  description:
    'Real runs (never test runs) started in the last `days` days, by how they stand now, and per node: runs that got there, ' +
    'steps by outcome (the branch taken, or sent/skipped) and runs waiting there now. Messages created in the period by status, ' +
    'with emails opened and clicked by people (machines left out; a click counts as an open). Conversions: orders, not ' +
    `cancelled, that contacts placed within ${CONVERSION_WINDOW_DAYS} days after an email or SMS of the flow was sent to them, ` +
    'each order once, with their totals per currency.',
  request: { params: flowIdParams, query: flowStatsQuerySchema },
  responses: {
    200: { description: 'The stats of the period', content: { 'application/json': { schema: flowStatsSchema } } },
    400: errorResponse('`days` is not a whole number from 1 to 365'),
    404: errorResponse('No such flow (or it was deleted)'),
  },
});

export function flowStatsHandler(deps: FlowRouteDeps): RouteHandler<typeof flowStatsRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const { days } = c.req.valid('query');
    const stats = await flowStats(deps.sql, id, { days });
    if (!stats) throw ApiError.notFound('flow', id);
    return c.json(stats, 200);
  };
}
