import type { RouteGroup } from '../app';
import { createRouter } from '../router';
import { clickRedirectHandler, clickRedirectRoute } from './click-redirect';
import type { TrackingRouteDeps } from './deps';
import { openPixelHandler, openPixelRoute } from './open-pixel';
import { unsubscribeHandler, unsubscribePageHandler, unsubscribePageRoute, unsubscribeRoute } from './unsubscribe';
import { viewEmailHandler, viewEmailRoute } from './view-email';

export type { TrackingRouteDeps } from './deps';

/**
 * The links in emails, open to anyone and checked by their signature (links/message-links.ts
 * writes them): /api/t (open pixel, tracked clicks), /api/unsubscribe and /api/view.
 */
export function trackingRoutes(deps: TrackingRouteDeps): RouteGroup[] {
  return [
    { path: '/api/t', routes: createRouter().openapi(openPixelRoute, openPixelHandler(deps)).openapi(clickRedirectRoute, clickRedirectHandler(deps)), auth: 'none' },
    { path: '/api/unsubscribe', routes: createRouter().openapi(unsubscribePageRoute, unsubscribePageHandler(deps)).openapi(unsubscribeRoute, unsubscribeHandler(deps)), auth: 'none' },
    { path: '/api/view', routes: createRouter().openapi(viewEmailRoute, viewEmailHandler(deps)), auth: 'none' },
  ];
}
