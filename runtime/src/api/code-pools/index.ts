import { createRouter } from '../router';
import { getPoolHandler, getPoolRoute, importCodesHandler, importCodesRoute, listPoolsHandler, listPoolsRoute, type CodePoolRouteDeps } from './pool-routes';

export type { CodePoolRouteDeps } from './pool-routes';

/** /api/code-pools: discount code pools, their stats and imports (admin). */
export function codePoolRoutes(deps: CodePoolRouteDeps) {
  return createRouter()
    .openapi(listPoolsRoute, listPoolsHandler(deps))
    .openapi(getPoolRoute, getPoolHandler(deps))
    .openapi(importCodesRoute, importCodesHandler(deps));
}
