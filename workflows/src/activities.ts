import type { Command, Input } from '@nudgeflow/shared/interpreter';
import { ActivityFailure, isCancellation, log, patched, proxyActivities, proxyLocalActivities, type ActivityOptions } from '@temporalio/workflow';
import { INVALID_INPUT_ERROR, type FlowActivities, type RecordProgressInput, type RunRef } from './contract';

/*
 * Retry policies. Changing a timeout or policy is replay-safe; changing which activities run, or
 * in which order, is not: guard such a change with patched().
 */

/**
 * Sends and other side effects: idempotent per key, so retries are harmless; about 15 min of tries.
 * One attempt may wait up to a webhook node's longest timeout (60 s) for the endpoint, plus the
 * database work around the call: 90 s lets the webhook's own timeout decide, rather than Temporal
 * abandoning an attempt whose call may still go through and starting another beside it.
 */
export const effectActivityOptions: ActivityOptions = {
  startToCloseTimeout: '90s',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 10, nonRetryableErrorTypes: [INVALID_INPUT_ERROR] },
};
const { executeEffect } = proxyActivities<Pick<FlowActivities, 'executeEffect'>>(effectActivityOptions);

/** Reads only: quick, and a few minutes of tries before the run gives up. */
const { lookupFacts } = proxyActivities<Pick<FlowActivities, 'lookupFacts'>>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 10, nonRetryableErrorTypes: [INVALID_INPUT_ERROR] },
});

/** The step log must not be lost to a database outage: retried until it is back. */
const progressRetry = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', nonRetryableErrorTypes: [INVALID_INPUT_ERROR] }; // no maximumAttempts: unlimited
const progressActivities = proxyActivities<Pick<FlowActivities, 'recordProgress'>>({ startToCloseTimeout: '30s', retry: progressRetry });

/**
 * Since PROGRESS_LOCAL_PATCH, progress is recorded by a local activity: one idempotent write that
 * needs no round trip through the server, which halves the workflow tasks of a short run. Runs
 * whose history began before keep the scheduled activity on replay.
 */
export const PROGRESS_LOCAL_PATCH = 'progress-local-activity';
const localProgressActivities = proxyLocalActivities<Pick<FlowActivities, 'recordProgress'>>({ startToCloseTimeout: '30s', retry: progressRetry });

export type ActivityCommand = Extract<Command, { kind: 'effect' | 'lookup' }>;

export type Outcome = { kind: 'input'; input: Input } | { kind: 'failed'; detail: string };

function failureText(command: ActivityCommand, error: ActivityFailure): string {
  const why = error.cause?.message || error.message;
  const what = command.kind === 'effect' ? `the ${command.type} action` : 'looking up facts';
  const gaveUp = error.retryState === 'MAXIMUM_ATTEMPTS_REACHED' ? ' (gave up after repeated attempts)' : '';
  return `${what} at node "${command.nodeId}" failed: ${why}${gaveUp}`;
}

/** Runs the command's activity; its answer is the run's next input. A failed activity ends the run. */
export async function carryOut(run: RunRef, command: ActivityCommand, now: Date): Promise<Outcome> {
  try {
    if (command.kind === 'effect') {
      const result = await executeEffect({ run, command });
      return { kind: 'input', input: { kind: 'effectResult', commandId: command.id, result } };
    }
    const answer = await lookupFacts({ run, query: command.query, now: now.toISOString() });
    return { kind: 'input', input: { kind: 'lookupResult', commandId: command.id, answer } };
  } catch (error) {
    // Cancellation and workflow bugs go up; only the activity's own failure ends the run.
    if (isCancellation(error) || !(error instanceof ActivityFailure)) throw error;
    return { kind: 'failed', detail: failureText(command, error) };
  }
}

/** A progress record that can never be stored (invalid input) is logged; the run itself goes on. */
export async function recordProgress(input: RecordProgressInput): Promise<void> {
  try {
    const activities = patched(PROGRESS_LOCAL_PATCH) ? localProgressActivities : progressActivities;
    await activities.recordProgress(input);
  } catch (error) {
    if (isCancellation(error) || !(error instanceof ActivityFailure)) throw error;
    log.error('could not record run progress', { runId: input.run.runId, fromSeq: input.fromSeq, error: error.cause?.message ?? error.message });
  }
}
