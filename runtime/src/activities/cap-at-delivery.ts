import { countMarketingSends } from '../db/messages';
import type { PinnedSql } from './effect-lock';

/** A frequency cap as an effect command carries it (the flow's `frequencyCap` without onLimit). */
export interface CapLimit {
  max: number;
  perSeconds: number;
}

/** Why a message that passed the cap's lookup was not sent after all. */
export const CAP_LOST_RACE = 'frequency cap: another message to this contact went out first';

/**
 * The frequency cap checked where a message is recorded. The interpreter's lookup comes earlier
 * and unlocked, so two flows sending to one contact at the same moment could both pass it. Here
 * the caller's transaction takes the contact's cap lock, counts the contact's marketing messages
 * of the period, and (when there is room) inserts its own queued row before committing: the
 * second of two racing deliveries waits for the lock, then counts the first one's row.
 * Must run inside a transaction on `tx`; the lock is released at its commit or rollback.
 */
export async function capIsFull(tx: PinnedSql, contactId: string, cap: CapLimit, now: Date): Promise<boolean> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${`frequency-cap:${contactId}`}, 0))`;
  const sent = await countMarketingSends(tx, contactId, new Date(now.getTime() - cap.perSeconds * 1000));
  return sent >= cap.max;
}
