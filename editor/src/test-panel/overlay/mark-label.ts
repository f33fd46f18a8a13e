import { formatOffsetLabel } from '../timeline/offset-label';
import type { NodeMark } from './path-overlay';

/**
 * The label on a reached node: when the run got there and what happened, with the later time
 * when that came later (a wait: "+0 h · timed out +24 h").
 */
export function markLabel(mark: NodeMark, outcome: string): string {
  const later = mark.lastAt > mark.reachedAt ? ` ${formatOffsetLabel(mark.lastAt)}` : '';
  return `${formatOffsetLabel(mark.reachedAt)} · ${outcome}${later}`;
}

/** An outcome in words: its output's label when it is one ("timeout" is "timed out"), else as it is ("sent"). */
export function outcomeWords(outcome: string, outputLabel: string | undefined): string {
  if (outputLabel === undefined) return outcome;
  // A word goes lower case mid-sentence; a letter or an acronym ("B 50%", "SMS") stays as it is.
  return /^[A-Z][a-z]/.test(outputLabel) ? outputLabel.charAt(0).toLowerCase() + outputLabel.slice(1) : outputLabel;
}
