import type { FlowActivities, RecordProgressInput } from '@nudgeflow/workflows/contract';
import type { Sql } from '../db/client';
import { recordProgress } from '../db/runs';
import { recordCapSkips } from './record-cap-skips';
import { classifyDatabaseError, invalidInput } from './errors';

/**
 * Appends the run's steps and moves its status and node. Idempotent: (run, seq) identifies a
 * step, so a retried call stores nothing twice, and a late report never moves the run back.
 * The run's row is created by whoever starts the workflow; a report for an unknown run cannot
 * ever be stored, so it is invalid input rather than retried forever.
 */
export function createRecordProgress(deps: { sql: Sql }): FlowActivities['recordProgress'] {
  return async (input: RecordProgressInput) => {
    const { run, status, end } = input;
    if (status === 'done' && !end) throw invalidInput(`run "${run.runId}": a report that the run is done must say how it ended`);
    let stored: boolean;
    try {
      stored = await recordProgress(deps.sql, {
        runId: run.runId,
        fromSeq: input.fromSeq,
        steps: input.steps,
        status,
        ...(input.nodeId !== undefined ? { nodeId: input.nodeId } : {}),
        ...(end ? { end, endedAt: input.at } : {}),
      });
      await recordCapSkips(deps.sql, run, input.steps);
    } catch (error) {
      throw classifyDatabaseError(error);
    }
    if (stored) return;
    const [known] = await deps.sql`select 1 from runs where id = ${run.runId}`;
    if (!known) throw invalidInput(`run "${run.runId}" is not in the database; its row must be created before its workflow starts`);
  };
}
