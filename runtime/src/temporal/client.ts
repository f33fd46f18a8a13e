import type { FlowEvent } from '@nudgeflow/shared';
import type { flowRun } from '@nudgeflow/workflows';
import { CANCEL_SIGNAL, EVENT_SIGNAL, FLOW_RUN_WORKFLOW, PROGRESS_QUERY, TASK_QUEUE, type FlowRunInput, type FlowRunProgress } from '@nudgeflow/workflows/contract';
import { runSearchAttributes } from '@nudgeflow/workflows/search-attributes';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import type { Duration } from '@temporalio/common';

export async function createTemporalClient(address: string, namespace = 'default'): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace });
}

/**
 * One workflow per flow and key (the contact id, or the order id for flows run per order), so a
 * second trigger for the same key finds the running workflow instead of starting another.
 */
export function workflowIdFor(flowId: string, key: string): string {
  return `flow/${flowId}/${key}`;
}

export interface StartedRun {
  workflowId: string;
  /** Temporal's run id of the execution that got the input or the signal. */
  runId: string;
}

export interface StartFlowRunOptions {
  /** Delivered to the workflow whether it was started now or already running (signalWithStart). */
  signal?: FlowEvent;
  taskQueue?: string;
  /** Start the run later (a date trigger's fire time); the workflow exists, delayed, from now on. */
  startDelay?: Duration;
}

/**
 * Starts the run's workflow (id `input.run.workflowId`) unless one with that id is running; in
 * that case the running one keeps its input and only receives the signal, if any.
 */
export async function startFlowRun(client: Client, input: FlowRunInput, options: StartFlowRunOptions = {}): Promise<StartedRun> {
  const common = {
    workflowId: input.run.workflowId,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    args: [input] as [FlowRunInput],
    typedSearchAttributes: runSearchAttributes(input.run),
    // A key's workflow id is reused once its previous run has closed (re-entry); whether a new run
    // may start at all is the dispatcher's re-entry decision, not Temporal's.
    workflowIdReusePolicy: 'ALLOW_DUPLICATE' as const,
    ...(options.startDelay !== undefined ? { startDelay: options.startDelay } : {}),
  };
  if (options.signal) {
    const handle = await client.workflow.signalWithStart<typeof flowRun, [FlowEvent]>(FLOW_RUN_WORKFLOW, {
      ...common,
      signal: EVENT_SIGNAL,
      signalArgs: [options.signal],
    });
    return { workflowId: handle.workflowId, runId: handle.signaledRunId };
  }
  const handle = await client.workflow.start<typeof flowRun>(FLOW_RUN_WORKFLOW, { ...common, workflowIdConflictPolicy: 'USE_EXISTING' });
  return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId };
}

/** Runs `call`; false when there is no running workflow with that id (never started, or already ended). */
async function ifRunning(call: () => Promise<void>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/** Hands an event to a running workflow (for its waits and exitOn); false when none is running. */
export function signalEvent(client: Client, workflowId: string, event: FlowEvent): Promise<boolean> {
  return ifRunning(() => client.workflow.getHandle(workflowId).signal(EVENT_SIGNAL, event));
}

/** Ends a running run with reason "cancelled"; false when none is running. */
export function cancelFlowRun(client: Client, workflowId: string, reason?: string): Promise<boolean> {
  return ifRunning(() => client.workflow.getHandle(workflowId).signal(CANCEL_SIGNAL, reason !== undefined ? { reason } : {}));
}

/** Where the run is now, from the workflow itself; undefined when there is no such workflow. */
export async function queryFlowProgress(client: Client, workflowId: string): Promise<FlowRunProgress | undefined> {
  try {
    return await client.workflow.getHandle(workflowId).query<FlowRunProgress>(PROGRESS_QUERY);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}
