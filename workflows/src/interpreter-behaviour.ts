import type { FlowRef } from '@nudgeflow/shared/interpreter';
import { patched } from '@temporalio/workflow';

/**
 * Interpreter changes that decide other commands for the same inputs. A run whose history began
 * before one of them keeps the old behaviour (patched() is false while replaying such a history),
 * so it replays exactly; runs started since, and continued-as-new runs, get today's.
 */
export const TIMEOUT_HOLDS_FOR_WINDOW_PATCH = 'timeout-holds-for-send-window';

/** Call at the run's start (its first workflow task), like effectActivitiesOfRun. */
export function legacyBehaviourOfRun(): FlowRef['legacy'] {
  return patched(TIMEOUT_HOLDS_FOR_WINDOW_PATCH) ? undefined : { timeoutIgnoresSendWindow: true };
}
