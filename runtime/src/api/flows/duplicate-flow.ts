import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { createFlow, getFlow } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { flowDetail } from './flow-view';
import { flowDetailSchema, flowIdParams } from './schemas';

export const duplicateFlowRoute = createRoute({
  method: 'post',
  path: '/{id}/duplicate',
  tags: ['flows'],
  summary: "Copy a flow's draft into a new draft flow named \"<name> (copy)\"",
  request: { params: flowIdParams },
  responses: {
    201: { description: 'The new draft', content: { 'application/json': { schema: flowDetailSchema } } },
    404: errorResponse('No such flow (or it was deleted)'),
  },
});

const SUFFIX = ' (copy)';
const MAX_NAME = 200;

/** "Welcome" -> "Welcome (copy)", shortened so that the name stays within the limit. */
export function copyName(name: string): string {
  return `${name.slice(0, MAX_NAME - SUFFIX.length)}${SUFFIX}`;
}

export function duplicateFlowHandler(deps: FlowRouteDeps): RouteHandler<typeof duplicateFlowRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const source = await getFlow(deps.sql, id);
    if (!source) throw ApiError.notFound('flow', id);
    const copy = await createFlow(deps.sql, { graph: source.draft, name: copyName(source.name) });
    return c.json(await flowDetail(deps.sql, deps.registry, copy), 201);
  };
}
