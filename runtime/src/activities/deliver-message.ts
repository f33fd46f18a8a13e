import type { EffectResult } from '@nudgeflow/shared/interpreter';
import { ChannelRejection, DeliveryUnknown } from '../channels/types';
import type { EffectRecord } from '../db/effects';
import { saveEffect } from '../db/effects';
import { insertMessage, messageStateByKey, requeueFailedMessage, updateMessageStatus, type MessageRecord, type MessageState, type MessageStatus, type NewMessage } from '../db/messages';
import type { ActivityLog } from './activity-context';
import { CAP_LOST_RACE, capIsFull, type CapLimit } from './cap-at-delivery';
import { pinnedTransaction, type PinnedSql } from './effect-lock';
import type { ExecutorInput } from './executor-registry';
import { invalidInput } from './errors';

/*
 * Exactly once, for effects that leave the machine.
 *
 * A provider call cannot share a transaction with our database, so a message goes through three
 * recorded states, all under the effect's lock (effect-lock.ts: held only by a live attempt):
 *   1. the message row is inserted as "queued" (unique on the idempotency key) and committed
 *      BEFORE the provider is called;
 *   2. the provider is called;
 *   3. the row's outcome and the effects row are written in one transaction.
 * Under a frequency cap, step 1 also counts the contact's marketing messages, in the same
 * transaction and behind a per-contact lock (cap-at-delivery.ts); when the cap is full the
 * message is recorded as skipped instead, and the provider is never called.
 * A later attempt (a retry, or a second worker after a timeout) that gets the lock reads the row:
 *   - sent / skipped: the work is done; it only stores the effect result if that was lost;
 *   - failed (without an effects row): the previous attempt's provider call failed before the
 *     provider accepted the message, so sending now cannot make a duplicate;
 *   - queued: an attempt died between steps 1 and 3, and the provider may have accepted the
 *     message. A channel that deduplicates by message id (the outbox, a webhook with its
 *     Idempotency-Key header) gets it again; any other channel is never called twice: the
 *     outcome is recorded as unknown. At most once beats twice for a customer's phone.
 */

/** What a message effect decided to do, before anything is stored. */
export type MessagePlan =
  /** No consent, suppressed, no address... The run goes on. */
  | { kind: 'skip'; reason: string }
  /** A template that does not render: the effect fails, the run goes on (as in the simulator). */
  | { kind: 'fail'; reason: string; output?: string }
  | { kind: 'send'; send(messageId: string): Promise<SendOutcome> };

export type SendOutcome =
  | { status: 'sent'; provider: string; providerId?: string; reason?: string }
  /** The provider answered, and the answer is final (a webhook's 4xx, or its last retry). */
  | { status: 'failed'; provider: string; reason: string; output?: string };

/** What a message effect wants to store and do, decided only when no earlier attempt settled it. */
export interface PreparedMessage {
  to?: string;
  subject?: string;
  /** The rendered content as sent. */
  body?: string;
  plan: MessagePlan;
}

export interface MessageEffect {
  effect: Omit<EffectRecord, 'result'>;
  message: Omit<NewMessage, 'id' | 'status' | 'reason' | 'provider' | 'providerId' | 'sentAt' | 'to' | 'subject' | 'body'>;
  /** Whether handing the same message over again cannot reach the recipient twice. */
  resendable: boolean;
  /** Consent checks and rendering; may throw invalid input (a bad phone number). */
  prepare(): Promise<PreparedMessage>;
  attempt: number;
  now(): Date;
  log: ActivityLog;
  /** A real marketing message's frequency cap, checked again as the message is queued (see above). */
  cap?: CapLimit;
}

/** The parts of a message effect every executor fills in the same way. */
export function messageEffect(
  input: ExecutorInput<unknown, unknown>,
  message: Pick<NewMessage, 'channel' | 'marketing'>,
  delivery: Pick<MessageEffect, 'resendable' | 'prepare'>,
): MessageEffect {
  const { run, command } = input;
  // Test runs' messages never count toward a cap, and nothing of theirs reaches the contact: the
  // interpreter's lookup decides for them, as before.
  const cap = command.cap && message.marketing && run.test !== true ? { cap: command.cap } : {};
  return {
    effect: { key: command.idempotencyKey, runId: run.runId, nodeId: command.nodeId, type: command.type },
    message: {
      ...message,
      idempotencyKey: command.idempotencyKey,
      runId: run.runId,
      flowId: run.flowId,
      nodeId: command.nodeId,
      contactId: run.contactId,
      test: run.test === true,
    },
    ...delivery,
    attempt: input.attempt.attempt,
    now: input.deps.now,
    log: input.deps.log,
    ...cap,
  };
}

/** Why a message is recorded as failed although the provider may have it. */
export function deliveryUnknown(cause: string): string {
  return `delivery unknown (${cause}); not sent again, so that it cannot arrive twice`;
}

const WORKER_STOPPED = 'the worker stopped while handing it to the provider';

/** Webhook calls "succeed" (done, with the HTTP status); messages are "sent". */
function resultOf(row: MessageState): EffectResult {
  const reason = row.reason !== undefined ? { reason: row.reason } : {};
  switch (row.status) {
    case 'sent':
    case 'delivered':
    case 'bounced':
      return { status: row.channel === 'webhook' ? 'done' : 'sent', messageId: row.id, ...reason };
    case 'skipped':
      return { status: 'skipped', ...reason };
    case 'failed':
    case 'queued':
      throw new Error(`message ${row.id} has no final outcome yet (${row.status})`);
    default: {
      const unknown: never = row.status;
      throw new Error(`unknown message status ${JSON.stringify(unknown)}`);
    }
  }
}

async function finish(db: PinnedSql, m: MessageEffect, id: string, status: MessageStatus, update: { reason?: string; provider?: string; providerId?: string }, result?: EffectResult): Promise<EffectResult> {
  return pinnedTransaction(db, async (tx) => {
    const sentAt = status === 'sent' ? { sentAt: m.now().toISOString() } : {};
    const row = await updateMessageStatus(tx, id, { status, ...update, ...sentAt });
    if (!row) throw new Error(`message ${id} disappeared while it was being sent`);
    return saveEffect(tx, { ...m.effect, result: result ?? resultOf(row) });
  });
}

function unknownOutcome(db: PinnedSql, m: MessageEffect, id: string, cause: string): Promise<EffectResult> {
  const reason = deliveryUnknown(cause);
  m.log.warn('a message may or may not have reached its provider; it is not sent again', { messageId: id, idempotencyKey: m.effect.key, cause });
  return finish(db, m, id, 'failed', { reason }, { status: 'failed', reason });
}

async function send(db: PinnedSql, m: MessageEffect, id: string, plan: Extract<MessagePlan, { kind: 'send' }>): Promise<EffectResult> {
  let outcome: SendOutcome;
  try {
    outcome = await plan.send(id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof ChannelRejection) {
      await updateMessageStatus(db, id, { status: 'failed', reason });
      throw invalidInput(`the provider refused the message: ${reason}`);
    }
    if (error instanceof DeliveryUnknown && !m.resendable) return unknownOutcome(db, m, id, reason);
    // Not accepted (or unknown on a channel that deduplicates): "failed" tells the next attempt it
    // may send again. Should this write fail too, the row stays queued and counts as unknown.
    if (!(error instanceof DeliveryUnknown)) await updateMessageStatus(db, id, { status: 'failed', reason: `attempt ${m.attempt}: ${reason}` });
    throw error;
  }
  if (outcome.status === 'sent') {
    return finish(db, m, id, 'sent', { provider: outcome.provider, ...(outcome.providerId ? { providerId: outcome.providerId } : {}), ...(outcome.reason ? { reason: outcome.reason } : {}) });
  }
  const result: EffectResult = { status: 'failed', reason: outcome.reason, ...(outcome.output ? { output: outcome.output } : {}) };
  return finish(db, m, id, 'failed', { provider: outcome.provider, reason: outcome.reason }, result);
}

/** Carries out the plan on a message row that exists and is not final (queued, or failed before the provider accepted it). */
async function carryOut(db: PinnedSql, m: MessageEffect, row: MessageState): Promise<EffectResult> {
  const { plan } = await m.prepare();
  switch (plan.kind) {
    case 'skip':
      return finish(db, m, row.id, 'skipped', { reason: plan.reason }, { status: 'skipped', reason: plan.reason });
    case 'fail':
      return finish(db, m, row.id, 'failed', { reason: plan.reason }, planFailure(plan));
    case 'send':
      // Queued again only now, right before the call: a row left queued means "may have been sent".
      // A failed row did not count toward the cap, so another message may have taken its place.
      if (row.status === 'failed' && !(await requeue(db, m, row.id)))
        return finish(db, m, row.id, 'skipped', { reason: CAP_LOST_RACE }, { status: 'skipped', reason: CAP_LOST_RACE });
      return send(db, m, row.id, plan);
    default: {
      const unknown: never = plan;
      throw new Error(`unknown message plan ${JSON.stringify(unknown)}`);
    }
  }
}

function planFailure(plan: Extract<MessagePlan, { kind: 'fail' }>): EffectResult {
  return { status: 'failed', reason: plan.reason, ...(plan.output ? { output: plan.output } : {}) };
}

/** Picks up a message an earlier attempt recorded (see above). */
async function resume(db: PinnedSql, m: MessageEffect, row: MessageState): Promise<EffectResult> {
  switch (row.status) {
    case 'sent':
    case 'delivered':
    case 'bounced':
    case 'skipped':
      return saveEffect(db, { ...m.effect, result: resultOf(row) });
    case 'queued':
      if (!m.resendable) return unknownOutcome(db, m, row.id, WORKER_STOPPED);
      return carryOut(db, m, row);
    case 'failed':
      return carryOut(db, m, row);
    default: {
      const unknown: never = row.status;
      throw new Error(`unknown message status ${JSON.stringify(unknown)}`);
    }
  }
}

/** Back to queued for another try; false (and left failed) when the frequency cap has filled up meanwhile. */
async function requeue(db: PinnedSql, m: MessageEffect, id: string): Promise<boolean> {
  const { cap } = m;
  if (!cap) {
    await requeueFailedMessage(db, id);
    return true;
  }
  return pinnedTransaction(db, async (tx) => {
    if (await capIsFull(tx, m.message.contactId, cap, m.now())) return false;
    await requeueFailedMessage(tx, id);
    return true;
  });
}

/** The new message as queued, committed before the provider is called; 'capFull' when the cap has no room for it. */
async function queue(db: PinnedSql, m: MessageEffect, content: Omit<PreparedMessage, 'plan'>): Promise<{ message: MessageRecord; inserted: boolean } | 'capFull'> {
  const row: NewMessage = { ...m.message, ...content, status: 'queued' };
  const { cap } = m;
  if (!cap) return insertMessage(db, row);
  return pinnedTransaction(db, async (tx) => ((await capIsFull(tx, m.message.contactId, cap, m.now())) ? 'capFull' : insertMessage(tx, row)));
}

/** Nothing leaves the machine: the row and the result are written together. */
function settleUnsent(db: PinnedSql, m: MessageEffect, content: Omit<PreparedMessage, 'plan'>, plan: Exclude<MessagePlan, { kind: 'send' }>): Promise<EffectResult> {
  return pinnedTransaction(db, async (tx) => {
    await insertMessage(tx, { ...m.message, ...content, status: plan.kind === 'skip' ? 'skipped' : 'failed', reason: plan.reason });
    return saveEffect(tx, { ...m.effect, result: plan.kind === 'skip' ? { status: 'skipped', reason: plan.reason } : planFailure(plan) });
  });
}

/** Records and carries out a message effect exactly once per idempotency key (see above). `db` must hold the effect's lock. */
export async function deliverMessage(db: PinnedSql, m: MessageEffect): Promise<EffectResult> {
  const earlier = await messageStateByKey(db, m.message.idempotencyKey);
  if (earlier) return resume(db, m, earlier);
  const { plan, ...content } = await m.prepare();
  if (plan.kind !== 'send') return settleUnsent(db, m, content, plan);
  // From here on a crash is visible to the next attempt.
  const queued = await queue(db, m, content);
  if (queued === 'capFull') return settleUnsent(db, m, content, { kind: 'skip', reason: CAP_LOST_RACE });
  // Only possible if someone wrote the row without holding the lock; the row is the truth then.
  if (!queued.inserted) return resume(db, m, queued.message);
  return send(db, m, queued.message.id, plan);
}
