import { createRouter } from '../router';
import { createFlowHandler, createFlowRoute } from './create-flow';
import { deleteFlowHandler, deleteFlowRoute } from './delete-flow';
import type { FlowRouteDeps } from './deps';
import { duplicateFlowHandler, duplicateFlowRoute } from './duplicate-flow';
import { flowStatsHandler, flowStatsRoute } from './flow-stats';
import { pauseFlowHandler, pauseFlowRoute, resumeFlowHandler, resumeFlowRoute } from './flow-status';
import { getFlowHandler, getFlowRoute } from './get-flow';
import { listFlowsHandler, listFlowsRoute } from './list-flows';
import { publishFlowHandler, publishFlowRoute } from './publish-flow';
import { saveFlowHandler, saveFlowRoute } from './save-flow';
import { getVersionHandler, getVersionRoute, listVersionsHandler, listVersionsRoute } from './versions';

export type { FlowRouteDeps } from './deps';

/** /api/flows: drafts, publishing, status, versions and stats (admin). */
export function flowRoutes(deps: FlowRouteDeps) {
  return createRouter()
    .openapi(createFlowRoute, createFlowHandler(deps))
    .openapi(listFlowsRoute, listFlowsHandler(deps))
    .openapi(getFlowRoute, getFlowHandler(deps))
    .openapi(saveFlowRoute, saveFlowHandler(deps))
    .openapi(deleteFlowRoute, deleteFlowHandler(deps))
    .openapi(publishFlowRoute, publishFlowHandler(deps))
    .openapi(pauseFlowRoute, pauseFlowHandler(deps))
    .openapi(resumeFlowRoute, resumeFlowHandler(deps))
    .openapi(duplicateFlowRoute, duplicateFlowHandler(deps))
    .openapi(listVersionsRoute, listVersionsHandler(deps))
    .openapi(getVersionRoute, getVersionHandler(deps))
    .openapi(flowStatsRoute, flowStatsHandler(deps));
}
