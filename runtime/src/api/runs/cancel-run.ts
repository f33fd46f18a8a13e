import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { getRun, recordProgress, type RunRecord } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { RunRouteDeps } from './deps';
import { runIdParams, runSchema } from './schemas';

const cancelledSchema = z
  .object({
    run: runSchema,
    outcome: z.enum(['signalled', 'ended']).openapi({
      description: "signalled: the run's workflow was asked to stop and records the end itself; ended: no workflow was running, so the run was marked cancelled here",
    }),
  })
  .openapi('CancelledRun');

export const cancelRunRoute = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags: ['runs'],
  summary: 'Stop a run: the contact leaves the flow with reason "cancelled"',
  request: { params: runIdParams },
  responses: {
    202: { description: 'The workflow was asked to stop; the run shows as done within a second', content: { 'application/json': { schema: cancelledSchema } } },
    200: { description: 'No workflow was running for the run; it is now recorded as cancelled', content: { 'application/json': { schema: cancelledSchema } } },
    404: errorResponse('No such run'),
    409: errorResponse('The run has already ended (`run_ended`)'),
    503: errorResponse('The workflow service could not be reached (`workflow_unavailable`); nothing changed'),
  },
});

const DETAIL = 'cancelled through the API';

/** Records the end of a run whose workflow is gone, so that it does not show as running forever. */
async function endStaleRun(deps: RunRouteDeps, run: RunRecord): Promise<RunRecord> {
  await recordProgress(deps.sql, {
    runId: run.id,
    fromSeq: run.stepCount,
    steps: [],
    status: 'done',
    end: { reason: 'cancelled', ...(run.nodeId !== undefined ? { nodeId: run.nodeId } : {}), detail: `${DETAIL}; its workflow was no longer running` },
    endedAt: new Date().toISOString(),
  });
  const { steps: _steps, ...ended } = (await getRun(deps.sql, run.id)) ?? { ...run, steps: [] };
  return ended;
}

export function cancelRunHandler(deps: RunRouteDeps): RouteHandler<typeof cancelRunRoute> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const found = await getRun(deps.sql, id);
    if (!found) throw ApiError.notFound('run', id);
    const { steps: _steps, ...run } = found;
    if (run.status === 'done')
      throw new ApiError(409, 'run_ended', `run "${id}" already ended (${run.endReason ?? 'done'}${run.endedAt ? ` at ${run.endedAt}` : ''}); there is nothing to cancel`);
    let signalled: boolean;
    try {
      signalled = await deps.cancelRun(run);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError(503, 'workflow_unavailable', `run "${id}" could not be cancelled: the workflow service did not answer (${reason}); try again shortly`);
    }
    if (signalled) return c.json({ run, outcome: 'signalled' as const }, 202);
    return c.json({ run: await endStaleRun(deps, run), outcome: 'ended' as const }, 200);
  };
}
