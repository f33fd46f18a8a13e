import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { FlowStateError, pauseFlow, resumeFlow } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { FlowRouteDeps } from './deps';
import { flowDetail } from './flow-view';
import { flowDetailSchema, flowIdParams } from './schemas';

function statusRoute(action: 'pause' | 'resume') {
  return createRoute({
    method: 'post',
    path: `/{id}/${action}`,
    tags: ['flows'],
    summary:
      action === 'pause'
        ? 'Pause: no new contacts enter; those already in the flow carry on'
        : 'Resume: new contacts enter the published version again',
    request: { params: flowIdParams },
    responses: {
      200: { description: 'The flow with its new status (pausing a paused flow changes nothing)', content: { 'application/json': { schema: flowDetailSchema } } },
      404: errorResponse('No such flow (or it was deleted)'),
      409: errorResponse('The flow was never published (`flow_not_published`)'),
    },
  });
}

export const pauseFlowRoute = statusRoute('pause');
export const resumeFlowRoute = statusRoute('resume');

function statusHandler(deps: FlowRouteDeps, change: typeof pauseFlow): RouteHandler<typeof pauseFlowRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    let flow;
    try {
      flow = await change(deps.sql, id);
    } catch (error) {
      if (error instanceof FlowStateError) throw new ApiError(409, 'flow_not_published', error.message);
      throw error;
    }
    if (!flow) throw ApiError.notFound('flow', id);
    return c.json(await flowDetail(deps.sql, deps.registry, flow), 200);
  };
}

export const pauseFlowHandler = (deps: FlowRouteDeps) => statusHandler(deps, pauseFlow);
export const resumeFlowHandler = (deps: FlowRouteDeps) => statusHandler(deps, resumeFlow);
