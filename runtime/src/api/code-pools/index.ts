import { createRouter } from '../router';
import { getPoolHandler, getPoolRoute, listPoolsHandler, listPoolsRoute, savePoolHandler, savePoolRoute, type CodePoolRouteDeps } from './pool-routes';
import { importCodesHandler, importCodesRoute } from './import-codes';

export type { CodePoolRouteDeps } from './pool-routes';

/** /api/code-pools: discount code pools, their stats, settings and imports (admin). */
export function codePoolRoutes(deps: CodePoolRouteDeps) {
  return createRouter()
    .openapi(listPoolsRoute, listPoolsHandler(deps))
    .openapi(getPoolRoute, getPoolHandler(deps))
    .openapi(savePoolRoute, savePoolHandler(deps))
    .openapi(importCodesRoute, importCodesHandler(deps));
}
