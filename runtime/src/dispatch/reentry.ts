import type { Reentry } from '@nudgeflow/shared';
import type { RunRecord } from '../db';

export type EntryDecision =
  | { kind: 'enter' }
  /** A run for the key has not ended: no second one; it gets the event by signal instead. */
  | { kind: 'running'; run: RunRecord }
  | { kind: 'refused'; reason: string };

/**
 * The flow's re-entry rule for a key whose latest run is `last`, for a run that would begin at
 * `startAt`. Never two runs of a flow for one key at a time, whatever the rule.
 */
export function decideEntry(reentry: Reentry, last: RunRecord | undefined, startAt: Date): EntryDecision {
  if (!last) return { kind: 'enter' };
  if (last.status !== 'done') return { kind: 'running', run: last };
  if (reentry === 'once') return { kind: 'refused', reason: `already went through the flow (run ${last.id}); re-entry is "once"` };
  if (reentry === 'always') return { kind: 'enter' };
  const elapsedSeconds = (startAt.getTime() - Date.parse(last.startedAt)) / 1000;
  if (elapsedSeconds >= reentry.afterSeconds) return { kind: 'enter' };
  return {
    kind: 'refused',
    reason: `entered ${Math.floor(elapsedSeconds)} s ago (run ${last.id}); re-entry waits ${reentry.afterSeconds} s`,
  };
}
