import type { SimEnd } from '@nudgeflow/shared';
import type { TestRun } from '@nudgeflow/shared/api';
import { getRun, type RunWithSteps } from '../../db';
import { effectsOfRun, endTestRun, getTestRun, messagesOfRun, type TestRunRecord } from '../../db/test-runs';
import { liveResult } from '../../test-runs/live-result';
import { ApiError } from '../errors';
import type { TestRunRouteDeps } from './deps';
import { statusOfEnd } from './start-test-run';

export type TestRunView = TestRun;

/** Real milliseconds a live run gets past its scenario's horizon before it is stopped: its workflow starts a moment after its row. */
const HORIZON_GRACE_MS = 1000;

function header(record: TestRunRecord) {
  return {
    id: record.id,
    mode: record.mode,
    status: record.status,
    ...(record.flowId !== undefined ? { flowId: record.flowId, version: record.flowVersion ?? ('draft' as const) } : {}),
    ...(record.timeScale !== undefined ? { timeScale: record.timeScale } : {}),
    ...(record.runId !== undefined ? { runId: record.runId } : {}),
    createdAt: record.createdAt,
    ...(record.endedAt !== undefined ? { endedAt: record.endedAt } : {}),
  };
}

/** The end the test run recorded itself, if any (not started, could not start, stopped at the horizon). */
function ownEnd(record: TestRunRecord): SimEnd | undefined {
  return record.result && !('steps' in record.result) ? record.result.end : undefined;
}

/** Whether the live run's flow clock has passed the scenario's horizon. */
function pastHorizon(record: TestRunRecord, now: Date): boolean {
  const { scenario, timeScale = 1, startSeconds = 0 } = record;
  const realMs = ((scenario.horizonSeconds - startSeconds) / timeScale) * 1000;
  return now.getTime() >= Date.parse(record.createdAt) + realMs + HORIZON_GRACE_MS;
}

/**
 * A running test run catches up with its run: ended when the run has, or stopped at the
 * scenario's horizon (then it ends "waiting" there, as the simulation does). Done when read, so
 * it needs no process of its own; a run nobody reads again waits on a timer, harmlessly.
 */
async function settle(deps: TestRunRouteDeps, record: TestRunRecord, run: RunWithSteps): Promise<TestRunRecord> {
  if (run.status === 'done') return (await endTestRun(deps.sql, record.id, statusOfEnd(run.endReason ?? 'completed')))?.run ?? record;
  if (!record.workflowId || !deps.testRuns || !pastHorizon(record, (deps.now ?? (() => new Date()))())) return record;
  try {
    await deps.testRuns.cancel(record.workflowId, 'the test run reached the end of its scenario (horizonSeconds)');
  } catch {
    return record; // the workflow service is away: the next read tries again
  }
  const end: SimEnd = { atSeconds: record.scenario.horizonSeconds, reason: 'waiting', ...(run.nodeId !== undefined ? { nodeId: run.nodeId } : {}), detail: 'still waiting at the end of the scenario' };
  return (await endTestRun(deps.sql, record.id, 'done', { end }))?.run ?? record;
}

/** A live test run brought up to date with its run (see settle); others as they are. */
export async function current(deps: TestRunRouteDeps, stored: TestRunRecord): Promise<{ record: TestRunRecord; run?: RunWithSteps }> {
  const run = stored.runId !== undefined ? await getRun(deps.sql, stored.runId) : undefined;
  if (!run) return { record: stored };
  return { record: stored.status === 'running' ? await settle(deps, stored, run) : stored, run };
}

/** The test run as the API shows it: the simulation, or the live run so far on the scenario's clock. */
export async function viewOf(deps: TestRunRouteDeps, stored: TestRunRecord): Promise<TestRunView> {
  if (stored.result && 'steps' in stored.result) return { ...header(stored), ...stored.result };
  const { record, run } = await current(deps, stored);
  if (!run) {
    const end = ownEnd(record);
    return { ...header(record), steps: [], actions: [], ...(end ? { end } : {}) };
  }
  const [effects, messages] = await Promise.all([effectsOfRun(deps.sql, run.id), messagesOfRun(deps.sql, run.id)]);
  const { currentNodeId, ...live } = liveResult({ run, effects, messages }, record.scenario.now, ownEnd(record));
  return { ...header(record), ...live, ...(record.status === 'running' && currentNodeId !== undefined ? { currentNodeId } : {}) };
}

export async function loadTestRun(deps: TestRunRouteDeps, id: string): Promise<TestRunRecord> {
  const record = await getTestRun(deps.sql, id);
  if (!record) throw ApiError.notFound('test run', id);
  return record;
}
