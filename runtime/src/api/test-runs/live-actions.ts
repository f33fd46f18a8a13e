import type { FlowEvent, Order } from '@nudgeflow/shared';
import { getRun, newId, recordProgress } from '../../db';
import { endTestRun, type TestRunRecord } from '../../db/test-runs';
import { planLiveRun } from '../../test-runs/live-plan';
import { ApiError } from '../errors';
import type { TestRunRouteDeps } from './deps';

const CANCEL_REASON = 'test run cancelled by an admin';

interface LiveTarget {
  record: TestRunRecord;
  workflowId: string;
}

/** The live test run an admin acts on: refused for simulations and for runs that have ended. */
function runningLive(deps: TestRunRouteDeps, record: TestRunRecord, action: string): LiveTarget & { control: NonNullable<TestRunRouteDeps['testRuns']> } {
  if (record.mode !== 'live') throw new ApiError(409, 'not_live', `test run "${record.id}" is a simulation; only a live test run can ${action}`);
  if (record.status !== 'running' || record.workflowId === undefined)
    throw new ApiError(409, 'test_run_ended', `test run "${record.id}" has already ended (${record.status}); start a new one`);
  if (!deps.testRuns) throw new ApiError(503, 'live_unavailable', 'this API process is not connected to the workflow service');
  return { record, workflowId: record.workflowId, control: deps.testRuns };
}

function unavailable(record: TestRunRecord, error: unknown): ApiError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError(503, 'workflow_unavailable', `test run "${record.id}": the workflow service did not answer (${reason}); try again shortly`);
}

/** Ends the live run as cancelled; its steps so far stay. */
export async function cancelLive(deps: TestRunRouteDeps, stored: TestRunRecord): Promise<TestRunRecord> {
  const { record, workflowId, control } = runningLive(deps, stored, 'be cancelled');
  let signalled: boolean;
  try {
    signalled = await control.cancel(workflowId, CANCEL_REASON);
  } catch (error) {
    throw unavailable(record, error);
  }
  if (!signalled && record.runId !== undefined) {
    // Its workflow is gone (the Temporal data was reset): the run row must not say waiting forever.
    const run = await getRun(deps.sql, record.runId);
    if (run && run.status !== 'done')
      await recordProgress(deps.sql, {
        runId: run.id,
        fromSeq: run.stepCount,
        steps: [],
        status: 'done',
        end: { reason: 'cancelled', ...(run.nodeId !== undefined ? { nodeId: run.nodeId } : {}), detail: `${CANCEL_REASON}; its workflow was no longer running` },
        endedAt: run.steps.at(-1)?.at ?? run.startedAt,
      });
  }
  return (await endTestRun(deps.sql, record.id, 'cancelled'))?.run ?? record;
}

export interface PostedEvent {
  type: string;
  data?: Record<string, unknown>;
  order?: Order;
}

/**
 * Hands the live run an event now, as the shop would send it ("mark paid now"): about the test
 * contact, with the run's own order unless another is given. Its time is the run's flow time now,
 * estimated from when the run started.
 */
export async function signalLive(deps: TestRunRouteDeps, stored: TestRunRecord, posted: PostedEvent): Promise<{ eventId: string; type: string; atSeconds: number }> {
  const { record, workflowId, control } = runningLive(deps, stored, 'receive events');
  const plan = planLiveRun(record.graph, record.scenario, `test-${record.id}`, deps.registry);
  if (plan.kind !== 'start') throw new ApiError(409, 'test_run_ended', `test run "${record.id}" never started a run`);
  const elapsedMs = (deps.now ?? (() => new Date()))().getTime() - Date.parse(record.createdAt);
  const atSeconds = plan.startSeconds + (elapsedMs / 1000) * (record.timeScale ?? 1);
  const order = posted.order ?? plan.order;
  const event: FlowEvent = {
    id: newId(`${record.id}-event`),
    type: posted.type,
    occurredAt: new Date(Date.parse(record.scenario.now) + atSeconds * 1000).toISOString(),
    contact: plan.contact,
    ...(order ? { order } : {}),
    ...(posted.data ? { data: posted.data } : {}),
  };
  let signalled: boolean;
  try {
    signalled = await control.signal(workflowId, event);
  } catch (error) {
    throw unavailable(record, error);
  }
  if (!signalled) throw new ApiError(409, 'test_run_ended', `test run "${record.id}" has already ended; its run takes no more events`);
  return { eventId: event.id, type: event.type, atSeconds: Math.round(atSeconds * 1000) / 1000 };
}
