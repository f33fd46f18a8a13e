import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { errorResponse } from '../error-responses';
import type { TestRunRouteDeps } from './deps';
import { testRunIdParams, testRunSchema } from './schemas';
import { loadTestRun, viewOf } from './test-run-view';

export const getTestRunRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['test runs'],
  summary: 'A test run: status, steps, messages and end in the simulator\'s shape',
  description:
    'Steps and actions are on the scenario\'s clock (`atSeconds` after its `now`), for a live run too. A live run also has `currentNodeId` while it goes on; ' +
    'one still waiting when its flow time passes the scenario\'s `horizonSeconds` is stopped and ends `waiting`, as the simulation does.',
  request: { params: testRunIdParams },
  responses: {
    200: { description: 'The test run', content: { 'application/json': { schema: testRunSchema } } },
    404: errorResponse('No such test run'),
  },
});

export function getTestRunHandler(deps: TestRunRouteDeps): RouteHandler<typeof getTestRunRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await viewOf(deps, await loadTestRun(deps, id)), 200);
  };
}
