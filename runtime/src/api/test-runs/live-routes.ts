import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { errorResponse } from '../error-responses';
import type { TestRunRouteDeps } from './deps';
import { cancelLive, signalLive } from './live-actions';
import { testRunEventAcceptedSchema, testRunEventRequestSchema, testRunIdParams, testRunSchema } from './schemas';
import { current, loadTestRun, viewOf } from './test-run-view';

const refusals = {
  404: errorResponse('No such test run'),
  409: errorResponse('A simulation (`not_live`), or a live run that has ended (`test_run_ended`)'),
  503: errorResponse('The workflow service did not answer (`workflow_unavailable`); nothing changed'),
};

export const postTestRunEventRoute = createRoute({
  method: 'post',
  path: '/{id}/events',
  tags: ['test runs'],
  summary: 'Send an event into a live test run now ("mark paid now")',
  description: "The event is about the test contact and, unless `order` is given, the run's own order; it reaches the run as a shop event would.",
  request: { params: testRunIdParams, body: { required: true, content: { 'application/json': { schema: testRunEventRequestSchema } } } },
  responses: {
    202: { description: 'Handed to the run; GET the test run to see what it did', content: { 'application/json': { schema: testRunEventAcceptedSchema } } },
    400: errorResponse('A bad field; details name every one'),
    ...refusals,
  },
});

export function postTestRunEventHandler(deps: TestRunRouteDeps): RouteHandler<typeof postTestRunEventRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const { record } = await current(deps, await loadTestRun(deps, id));
    return c.json(await signalLive(deps, record, c.req.valid('json')), 202);
  };
}

export const cancelTestRunRoute = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags: ['test runs'],
  summary: 'Stop a live test run: it ends "cancelled" where it is',
  request: { params: testRunIdParams },
  responses: {
    200: { description: 'The test run, now cancelled (its run records the end within a moment)', content: { 'application/json': { schema: testRunSchema } } },
    ...refusals,
  },
});

export function cancelTestRunHandler(deps: TestRunRouteDeps): RouteHandler<typeof cancelTestRunRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const { record } = await current(deps, await loadTestRun(deps, id));
    return c.json(await viewOf(deps, await cancelLive(deps, record)), 200);
  };
}
