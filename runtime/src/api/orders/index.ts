import { createRouter } from '../router';
import { getOrderHandler, getOrderRoute, orderEventsHandler, orderEventsRoute, type OrderRouteDeps } from './get-order';

export type { OrderRouteDeps } from './get-order';

/** /api/orders: an order and its events (admin). */
export function orderRoutes(deps: OrderRouteDeps) {
  return createRouter().openapi(getOrderRoute, getOrderHandler(deps)).openapi(orderEventsRoute, orderEventsHandler(deps));
}
