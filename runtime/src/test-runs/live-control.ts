import type { FlowEvent } from '@nudgeflow/shared';
import type { FlowRunInput } from '@nudgeflow/workflows/contract';
import type { Client } from '@temporalio/client';
import { cancelFlowRun, signalEvent, startFlowRun } from '../temporal/client';

/** What the API does to live test runs' workflows; the API tests pass a recording stand-in. */
export interface LiveTestRunControl {
  start(input: FlowRunInput): Promise<void>;
  /** False when the workflow is not running (any more). */
  signal(workflowId: string, event: FlowEvent): Promise<boolean>;
  /** Ends the run with reason "cancelled"; false when the workflow is not running. */
  cancel(workflowId: string, reason: string): Promise<boolean>;
}

/** Live test runs on the real flowRun workflow, on the worker's task queue like every run. */
export function temporalTestRunControl(client: Client): LiveTestRunControl {
  return {
    start: async (input) => {
      await startFlowRun(client, input);
    },
    signal: (workflowId, event) => signalEvent(client, workflowId, event),
    cancel: (workflowId, reason) => cancelFlowRun(client, workflowId, reason),
  };
}
