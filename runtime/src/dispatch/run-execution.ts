import type { FlowRunInput } from '@nudgeflow/workflows/contract';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';

/** The latest execution under a workflow id: none, running (or delayed), or closed. */
export type ExecutionState = { kind: 'none' } | { kind: 'running' } | { kind: 'closed'; temporalRunId: string };

export async function executionOf(client: Client, workflowId: string): Promise<ExecutionState> {
  try {
    const description = await client.workflow.getHandle(workflowId).describe();
    return description.status.name === 'RUNNING' ? { kind: 'running' } : { kind: 'closed', temporalRunId: description.runId };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { kind: 'none' };
    throw error;
  }
}

/** A run's row says it ended but its workflow has not closed yet; retried later. */
export class PreviousRunStillOpen extends Error {}

/**
 * Waits a little for the execution under `workflowId` to close. A run records its end just before
 * its workflow closes, so a new entry for the same key can arrive in between; under load that
 * takes a moment. Throws PreviousRunStillOpen if it stays open: the event is tried again later.
 */
export async function waitUntilClosed(client: Client, workflowId: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await executionOf(client, workflowId)).kind === 'running') {
    if (Date.now() >= deadline) throw new PreviousRunStillOpen(`the previous run of workflow ${workflowId} has ended but its workflow is still open`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Whose run an execution was: `run.runId` of its input (a continued-as-new execution carries the
 * same). Lets a retried dispatch tell "my run already ran" from "an earlier run of this key ran".
 */
export async function runIdOfExecution(client: Client, workflowId: string, temporalRunId: string): Promise<string | undefined> {
  const { history } = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: { workflowId, runId: temporalRunId },
    maximumPageSize: 1,
  });
  const payload = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  const input = payload ? client.options.loadedDataConverter.payloadConverter.fromPayload<FlowRunInput>(payload) : undefined;
  return input?.run?.runId;
}
