import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { validate, type Problem } from '@nudgeflow/shared';
import { inTransaction, publishFlow } from '../../db';
import { withMjmlProblems } from '../../email/mjml-problems';
import { noPlugins } from '../../plugins/loaded-plugins';
import { pinPluginNodes } from '../../plugins/pin-node-types';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { lockDraft } from './queries';
import { flowIdParams, publishedVersionSchema } from './schemas';

export const publishFlowRoute = createRoute({
  method: 'post',
  path: '/{id}/publish',
  tags: ['flows'],
  summary: 'Publish the draft as a new immutable version',
  description:
    'New entries start on the new version; contacts already in the flow finish on theirs. A paused flow stays paused. ' +
    'Custom nodes (plugins) are stored with their config brought up to their type\'s current version, and the version pins what it knows of those types (`nodeTypes`). ' +
    'Refused with 422 `invalid_flow` when the draft has errors; `details` lists every problem per node.',
  request: { params: flowIdParams },
  responses: {
    201: { description: 'The new version', content: { 'application/json': { schema: publishedVersionSchema } } },
    404: errorResponse('No such flow (or it was deleted)'),
    422: errorResponse('The draft has errors (`invalid_flow`); details holds the problems'),
  },
});

function refusal(flowId: string, problems: Problem[]): ApiError {
  const errors = problems.filter((p) => p.severity === 'error');
  const [first] = errors;
  const where = first?.nodeId !== undefined ? `node "${first.nodeId}": ` : first?.edgeId !== undefined ? `edge "${first.edgeId}": ` : '';
  const example = first ? `, first ${where}${first.message}` : '';
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return new ApiError(422, 'invalid_flow', `flow "${flowId}" cannot be published: fix ${count} first${example}`, problems);
}

export function publishFlowHandler(deps: FlowRouteDeps): RouteHandler<typeof publishFlowRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const published = await inTransaction(deps.sql, async (tx) => {
      // Validated and published under one row lock: a save in between cannot slip in unchecked.
      const draft = await lockDraft(tx, id);
      if (!draft) throw ApiError.notFound('flow', id);
      const { ok, problems } = await withMjmlProblems(validate(draft, deps.registry), deps.registry);
      if (!ok) throw refusal(id, problems);
      const plugins = deps.plugins ?? noPlugins;
      const version = await publishFlow(tx, id, { pin: (graph) => pinPluginNodes(graph, plugins) });
      if (!version) throw ApiError.notFound('flow', id);
      return { ...version, warnings: problems };
    });
    return c.json(published, 201);
  };
}
