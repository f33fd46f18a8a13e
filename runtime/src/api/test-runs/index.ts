import { createRouter } from '../router';
import { createFlowTestRunHandler, createFlowTestRunRoute, createGraphTestRunHandler, createGraphTestRunRoute } from './create-test-run';
import type { TestRunRouteDeps } from './deps';
import { getTestRunHandler, getTestRunRoute } from './get-test-run';
import { cancelTestRunHandler, cancelTestRunRoute, postTestRunEventHandler, postTestRunEventRoute } from './live-routes';

export type { TestRunRouteDeps } from './deps';

/** /api/test-runs: test a graph, read a test run, send a live one an event or cancel it (admin). */
export function testRunRoutes(deps: TestRunRouteDeps) {
  return createRouter()
    .openapi(createGraphTestRunRoute, createGraphTestRunHandler(deps))
    .openapi(getTestRunRoute, getTestRunHandler(deps))
    .openapi(postTestRunEventRoute, postTestRunEventHandler(deps))
    .openapi(cancelTestRunRoute, cancelTestRunHandler(deps));
}

/** POST /api/flows/{id}/test-runs: test a stored flow (admin). */
export function flowTestRunRoutes(deps: TestRunRouteDeps) {
  return createRouter().openapi(createFlowTestRunRoute, createFlowTestRunHandler(deps));
}
