import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import type { PortableNodeType } from '@nudgeflow/shared/plugins';
import { getFlow, getFlowVersion } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { TestRunRouteDeps } from './deps';
import { flowIdParams, flowTestRunRequestSchema, graphTestRunRequestSchema, testRunSchema } from './schemas';
import { checkedGraph, startTestRun } from './start-test-run';
import { viewOf } from './test-run-view';

const created = {
  201: {
    description: 'A simulation with its whole result; a live run just started (poll GET /api/test-runs/{id} until its status is no longer running)',
    content: { 'application/json': { schema: testRunSchema } },
  },
  400: errorResponse('A bad field; details name every one by its JSON path (e.g. `events.events.0.atSeconds`)'),
  422: errorResponse('The graph has errors (`invalid_flow`); details lists the problems, each naming its node'),
  503: errorResponse('A live run could not start: no workflow service (`live_unavailable`, `workflow_unavailable`)'),
};

const description =
  'Runs the flow for the scenario\'s contact before any customer is touched. `simulate` answers at once with every step and message. ' +
  '`live` starts a real run on the worker, marked as a test: its clock runs `timeScale` times faster, the scenario\'s later events reach it at their time, ' +
  'its messages go to the outbox (or to `deliverTo`), it uses test codes only, calls no webhook, changes no real contact and counts in no stats.';

export const createFlowTestRunRoute = createRoute({
  method: 'post',
  path: '/{id}/test-runs',
  tags: ['test runs'],
  summary: "Test a flow's draft or a published version against a scenario",
  description,
  request: { params: flowIdParams, body: { required: true, content: { 'application/json': { schema: flowTestRunRequestSchema } } } },
  responses: { ...created, 404: errorResponse('No such flow or version') },
});

export function createFlowTestRunHandler(deps: TestRunRouteDeps): RouteHandler<typeof createFlowTestRunRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const { events, mode, timeScale, version, deliverTo } = c.req.valid('json');
    const flow = await getFlow(deps.sql, id);
    if (!flow) throw ApiError.notFound('flow', id);
    let graph = flow.draft;
    let nodeTypes: PortableNodeType[] | undefined;
    if (version !== 'draft') {
      const published = await getFlowVersion(deps.sql, id, version);
      if (!published) throw new ApiError(404, 'not_found', `flow "${id}" has no version ${version}`);
      graph = published.graph;
      nodeTypes = published.nodeTypes;
    }
    const what = version === 'draft' ? `the draft of flow "${id}"` : `version ${version} of flow "${id}"`;
    const record = await startTestRun(deps, {
      flow: { id, ...(version !== 'draft' ? { version } : {}) },
      graph: checkedGraph(graph, deps, what),
      ...(nodeTypes ? { nodeTypes } : {}),
      scenario: events,
      mode,
      ...(timeScale !== undefined ? { timeScale } : {}),
      ...(deliverTo ? { deliverTo } : {}),
    });
    return c.json(await viewOf(deps, record), 201);
  };
}

export const createGraphTestRunRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['test runs'],
  summary: 'Test a graph that is not stored (the CLI: nudgeflow test FLOW.json --events EVENTS.json)',
  description,
  request: { body: { required: true, content: { 'application/json': { schema: graphTestRunRequestSchema } } } },
  responses: created,
});

export function createGraphTestRunHandler(deps: TestRunRouteDeps): RouteHandler<typeof createGraphTestRunRoute> {
  return async (c) => {
    const { graph, events, mode, timeScale } = c.req.valid('json');
    const record = await startTestRun(deps, { graph: checkedGraph(graph, deps, 'the flow'), scenario: events, mode, ...(timeScale !== undefined ? { timeScale } : {}) });
    return c.json(await viewOf(deps, record), 201);
  };
}
