import type { FlowEvent } from '@nudgeflow/shared';
import { CancellationScope, continueAsNew, defineQuery, defineSignal, isCancellation, setHandler, setWorkflowOptions } from '@temporalio/workflow';
import { CANCEL_SIGNAL, EVENT_SIGNAL, PROGRESS_QUERY, type FlowRunInput, type FlowRunProgress, type FlowRunResult } from './contract';
import { RunLoop } from './run-loop';

export const eventSignal = defineSignal<[FlowEvent]>(EVENT_SIGNAL);
export const cancelSignal = defineSignal<[{ reason?: string }?]>(CANCEL_SIGNAL);
export const progressQuery = defineQuery<FlowRunProgress>(PROGRESS_QUERY);

/**
 * One contact's run through one pinned flow version (FLOW_RUN_WORKFLOW). The interpreter core
 * decides; this shell waits, signals, and calls activities. See RunLoop for the replay rules.
 */
export async function flowRun(input: FlowRunInput): Promise<FlowRunResult> {
  const loop = new RunLoop(input);
  setHandler(eventSignal, (event) => loop.receive(event));
  setHandler(cancelSignal, (request) => loop.requestCancel(request?.reason));
  setHandler(progressQuery, () => loop.progress());
  let end;
  try {
    end = await loop.run();
  } catch (error) {
    if (isCancellation(error)) return await CancellationScope.nonCancellable(() => loop.cancelFromOutside());
    await CancellationScope.nonCancellable(() => loop.recordCrash(error));
    throw error;
  }
  if (end.kind === 'continueAsNew') return await continueAsNew<typeof flowRun>(end.input);
  return end.result;
}

// A bug in this code fails the workflow execution, visibly and once, instead of failing its
// workflow task over and over. Non-determinism detected on replay is not covered: those tasks keep
// retrying, so a bad deploy can be rolled back without losing the contacts that were waiting.
setWorkflowOptions({ failureExceptionTypes: [Error] }, flowRun);
