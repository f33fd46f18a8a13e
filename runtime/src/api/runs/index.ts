import { createRouter } from '../router';
import { cancelRunHandler, cancelRunRoute } from './cancel-run';
import type { RunRouteDeps } from './deps';
import { getRunHandler, getRunRoute } from './get-run';
import { listRunsHandler, listRunsRoute } from './list-runs';

export type { RunRouteDeps } from './deps';

/** /api/runs: who is where, step logs, and stopping a run (admin). */
export function runRoutes(deps: RunRouteDeps) {
  return createRouter()
    .openapi(listRunsRoute, listRunsHandler(deps))
    .openapi(getRunRoute, getRunHandler(deps))
    .openapi(cancelRunRoute, cancelRunHandler(deps));
}
