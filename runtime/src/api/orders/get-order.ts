import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { getOrder } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import { eventHistory } from '../events/event-history';
import { decodeCursor, DEFAULT_LIMIT, pageQuerySchema } from '../pagination';
import type { ApiRouteDeps } from '../routes';
import { eventPageSchema } from '../events/schemas';
import { orderDetailSchema, orderIdParams } from './schemas';

export type OrderRouteDeps = Pick<ApiRouteDeps, 'sql'>;

export const getOrderRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['orders'],
  summary: 'An order (merged from every event about it) with its latest events',
  request: { params: orderIdParams },
  responses: {
    200: { description: 'The order', content: { 'application/json': { schema: orderDetailSchema } } },
    404: errorResponse('No such order'),
  },
});

export const orderEventsRoute = createRoute({
  method: 'get',
  path: '/{id}/events',
  tags: ['orders'],
  summary: "An order's events, newest first (by when they happened)",
  request: { params: orderIdParams, query: pageQuerySchema },
  responses: {
    200: { description: 'One page of events', content: { 'application/json': { schema: eventPageSchema } } },
    400: errorResponse('A bad limit or cursor'),
    404: errorResponse('No such order'),
  },
});

export function getOrderHandler(deps: OrderRouteDeps): RouteHandler<typeof getOrderRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const [order, events] = await Promise.all([getOrder(deps.sql, id), eventHistory(deps.sql, { orderId: id }, DEFAULT_LIMIT)]);
    if (!order) throw ApiError.notFound('order', id);
    return c.json({ ...order, events }, 200);
  };
}

export function orderEventsHandler(deps: OrderRouteDeps): RouteHandler<typeof orderEventsRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const before = decodeCursor(cursor);
    if (!(await getOrder(deps.sql, id))) throw ApiError.notFound('order', id);
    return c.json(await eventHistory(deps.sql, { orderId: id }, limit, before), 200);
  };
}
