import type { FlowEvent, FlowGraph } from '@nudgeflow/shared';
import type { FlowActivities } from '@nudgeflow/workflows/contract';
import { createFlow, isPgError, listRuns, pauseFlow, publishFlow, recordProgress, type RunRecord, type Sql } from '../db';

const PG_FOREIGN_KEY_VIOLATION = '23503';
import type { TestActivities } from '../temporal/test-activities';

/** Fixtures for the dispatcher and sweep tests: real Postgres and Temporal, in-memory effects. */

/**
 * The test activities, with run progress also written to the runs table the way the real
 * activities do: re-entry and "who is running" read it.
 */
export function activitiesRecordingRuns(sql: Sql, recorder: TestActivities): FlowActivities {
  return {
    ...recorder.activities,
    recordProgress: async (input) => {
      await recorder.activities.recordProgress(input);
      const progress = {
        runId: input.run.runId,
        fromSeq: input.fromSeq,
        steps: input.steps,
        status: input.status,
        ...(input.nodeId !== undefined ? { nodeId: input.nodeId } : {}),
        ...(input.end ? { end: input.end, endedAt: input.at } : {}),
      };
      // A test emptied the tables under a run of an earlier test that is still going: nothing to record.
      await recordProgress(sql, progress).catch((error: unknown) => {
        if (!isPgError(error, PG_FOREIGN_KEY_VIOLATION)) throw error;
      });
    },
  };
}

/** A flow with `graph` as its published version 1, left active, paused, or as a never-published draft. */
export async function storeFlow(sql: Sql, id: string, graph: FlowGraph, status: 'active' | 'paused' | 'draft' = 'active'): Promise<void> {
  await createFlow(sql, { id, graph });
  if (status === 'draft') return;
  await publishFlow(sql, id);
  if (status === 'paused') await pauseFlow(sql, id);
}

export function shopEvent(id: string, type: string, contactId: string, orderId?: string): FlowEvent {
  return {
    id,
    type,
    occurredAt: new Date().toISOString(),
    contact: { id: contactId },
    ...(orderId ? { order: { id: orderId, number: orderId.toUpperCase(), items: [] } } : {}),
  };
}

/** A flow's runs, oldest first. */
export async function runsOf(sql: Sql, flowId: string): Promise<RunRecord[]> {
  return (await listRuns(sql, { flowId, limit: 1000 })).items.reverse();
}

/** How many workflow executions started a run: each records its first steps from seq 0. */
export function executionsOf(recorder: TestActivities, runId: string): number {
  const first = recorder.progress.filter((p) => p.run.runId === runId && p.fromSeq === 0);
  return new Set(first.map((p) => recorder.executionOf.get(p) ?? p)).size;
}
