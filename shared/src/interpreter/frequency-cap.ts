import type { FrequencyCap } from '../graph/settings';
import type { CapQuery } from './types';

export function capQuery(cap: FrequencyCap): CapQuery {
  return { type: 'recentMessages', sinceSeconds: cap.perSeconds };
}

export type CapVerdict = { kind: 'send' } | { kind: 'skip' } | { kind: 'delay'; until: Date };

/**
 * Whether one more marketing message fits under the cap. Send times outside the period are
 * ignored (the answer may be a little older than now). When delaying, the message waits until
 * enough of the oldest sends have left the period for one more to fit.
 */
export function capVerdict(cap: FrequencyCap, sentAt: string[], now: Date): CapVerdict {
  const periodMs = cap.perSeconds * 1000;
  const since = now.getTime() - periodMs;
  const inside = sentAt
    .map((s) => Date.parse(s))
    .filter((t) => !Number.isNaN(t) && t > since)
    .sort((a, b) => a - b);
  if (inside.length < cap.max) return { kind: 'send' };
  if (cap.onLimit === 'skip') return { kind: 'skip' };
  // With max - 1 sends left inside the period, one more fits.
  const dropsOut = inside[inside.length - cap.max] as number;
  return { kind: 'delay', until: new Date(dropsOut + periodMs) };
}
