import type { Command, Input } from '@nudgeflow/shared/interpreter';
import { ActivityFailure, ApplicationFailure, isCancellation, log, patched, proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
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

/** Reads only: quick, and a few minutes of tries before the run gives up. */
export const lookupActivityOptions: ActivityOptions = {
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 10, nonRetryableErrorTypes: [INVALID_INPUT_ERROR] },
};

/**
 * Since EFFECTS_LOCAL_PATCH, effects and lookups run as local activities too, with the same
 * timeouts and retries: the worker runs them inside the workflow task that asked for them, so a
 * run that starts and sends at once takes one workflow task instead of two plus an activity task
 * (about 40% of what such a run costs the Temporal server, and a round trip through it). Exactly
 * once still rests on the idempotency key: a local activity that ran before its task was
 * recorded (a crash) runs again, as a retried activity would, and finds its effect done.
 * Decided once per run, at its start, so a run keeps one kind for its whole life: runs whose
 * history began before keep scheduled activities on replay and after.
 */
export const EFFECTS_LOCAL_PATCH = 'effects-local-activities';
const scheduled = {
  effects: proxyActivities<Pick<FlowActivities, 'executeEffect'>>(effectActivityOptions),
  lookups: proxyActivities<Pick<FlowActivities, 'lookupFacts'>>(lookupActivityOptions),
};
// Retries wait on a server timer rather than inside the workflow task, as scheduled activities'
// do: the task stays short, and events signalled meanwhile (exitOn) reach the run between tries.
const retryOnTimer: LocalActivityOptions = { localRetryThreshold: '1s' };
const local: typeof scheduled = {
  effects: proxyLocalActivities<Pick<FlowActivities, 'executeEffect'>>({ ...effectActivityOptions, ...retryOnTimer }),
  lookups: proxyLocalActivities<Pick<FlowActivities, 'lookupFacts'>>({ ...lookupActivityOptions, ...retryOnTimer }),
};

/** How a run carries out its effects and lookups. */
export type EffectActivities = typeof scheduled;

/** Call at the run's start (its first workflow task), before any activity: see EFFECTS_LOCAL_PATCH. */
export function effectActivitiesOfRun(): EffectActivities {
  return patched(EFFECTS_LOCAL_PATCH) ? local : scheduled;
}

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

/**
 * An activity's own failure, and whether Temporal gave up retrying it. A scheduled activity's
 * arrives wrapped in an ActivityFailure; a local activity's arrives as it was thrown (only its
 * timeouts and cancellations are wrapped), and it was retried unless its type says not to.
 * Undefined for anything else (a cancellation, a bug in the workflow code).
 */
function activityFailure(error: unknown): { why: string; gaveUp: boolean } | undefined {
  if (isCancellation(error)) return undefined;
  if (error instanceof ActivityFailure) return { why: error.cause?.message || error.message, gaveUp: error.retryState === 'MAXIMUM_ATTEMPTS_REACHED' };
  if (error instanceof ApplicationFailure) return { why: error.message, gaveUp: !error.nonRetryable && error.type !== INVALID_INPUT_ERROR };
  return undefined;
}

function failureText(command: ActivityCommand, failure: { why: string; gaveUp: boolean }): string {
  const what = command.kind === 'effect' ? `the ${command.type} action` : 'looking up facts';
  return `${what} at node "${command.nodeId}" failed: ${failure.why}${failure.gaveUp ? ' (gave up after repeated attempts)' : ''}`;
}

/** Runs the command's activity; its answer is the run's next input. A failed activity ends the run. */
export async function carryOut(activities: EffectActivities, run: RunRef, command: ActivityCommand, now: Date): Promise<Outcome> {
  try {
    if (command.kind === 'effect') {
      const result = await activities.effects.executeEffect({ run, command });
      return { kind: 'input', input: { kind: 'effectResult', commandId: command.id, result } };
    }
    // Only the activity's input grows: the commands a run records stay the same, so this is replay-safe.
    const answer = await activities.lookups.lookupFacts({ run, query: command.query, now: now.toISOString(), nodeId: command.nodeId, visit: command.visit });
    return { kind: 'input', input: { kind: 'lookupResult', commandId: command.id, answer } };
  } catch (error) {
    // Cancellation and workflow bugs go up; only the activity's own failure ends the run.
    const failure = activityFailure(error);
    if (!failure) throw error;
    return { kind: 'failed', detail: failureText(command, failure) };
  }
}

/** A progress record that can never be stored (invalid input) is logged; the run itself goes on. */
export async function recordProgress(input: RecordProgressInput): Promise<void> {
  try {
    const activities = patched(PROGRESS_LOCAL_PATCH) ? localProgressActivities : progressActivities;
    await activities.recordProgress(input);
  } catch (error) {
    const failure = activityFailure(error);
    if (!failure) throw error;
    log.error('could not record run progress', { runId: input.run.runId, fromSeq: input.fromSeq, error: failure.why });
  }
}
