import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { deleteFlow } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { flowIdParams } from './schemas';

export const deleteFlowRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['flows'],
  summary: 'Delete a flow: no new entries, and contacts in it are cancelled',
  description: 'A soft delete: versions, runs and messages stay for the record.',
  request: { params: flowIdParams },
  responses: {
    200: { description: 'Deleted', content: { 'application/json': { schema: z.object({ id: z.string(), deleted: z.literal(true) }) } } },
    404: errorResponse('No such flow (or it was already deleted)'),
    503: errorResponse('The flow is deleted but its running runs could not be cancelled (`runs_not_cancelled`)'),
  },
});

export function deleteFlowHandler(deps: FlowRouteDeps): RouteHandler<typeof deleteFlowRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    // Deleted first: from then on the dispatcher starts no new runs that the cancel could miss.
    if (!(await deleteFlow(deps.sql, id))) throw ApiError.notFound('flow', id);
    try {
      await deps.cancelRuns(id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError(
        503,
        'runs_not_cancelled',
        `flow "${id}" is deleted and takes no new contacts, but its running runs could not be cancelled (${reason}); ` +
          `cancel them with POST /api/runs/{id}/cancel (list them with GET /api/runs?flowId=${id}) once the workflow service is reachable`,
      );
    }
    return c.json({ id, deleted: true as const }, 200);
  };
}
