import type { LowStock } from '../../db/codes';
import { deliverMessage, type MessageEffect, type PreparedMessage } from '../deliver-message';
import type { ExecutorInput } from '../executor-registry';
import type { PinnedSql } from '../effect-lock';
import { staffEmailPlan } from './notify';

export function lowStockText(alert: LowStock): { subject: string; text: string } {
  const left = alert.remaining === 0 ? 'no codes left' : `${alert.remaining} ${alert.remaining === 1 ? 'code' : 'codes'} left`;
  return {
    subject: `Code pool "${alert.pool}" is running low: ${left}`,
    text: [
      `The code pool "${alert.pool}" has ${left} (the alert threshold is ${alert.threshold}).`,
      `When it is empty, flows take the "No codes left" output of their "Assign a code" nodes.`,
      `Import more codes with POST /api/code-pools/${alert.pool}/codes (a CSV file or JSON).`,
    ].join('\n'),
  };
}

/**
 * The pool's one low-stock alert, recorded as an internal message (keyed by the assignment, so a
 * retried assignment finds it) and emailed to the pool's alert address when it has one. A failed
 * alert is recorded and logged but never fails the contact's run: the code was handed out.
 * `db` holds the assignment's effect lock, which covers the alert too: only that assignment
 * (and its retries) ever use the alert's key.
 */
export async function deliverLowStockAlert(input: ExecutorInput<unknown, PinnedSql>, alert: LowStock): Promise<void> {
  const { run, command, db, deps } = input;
  const key = `${command.idempotencyKey}:low-stock`;
  const channel = deps.channels.email;
  const { subject, text } = lowStockText(alert);
  const prepare = async (): Promise<PreparedMessage> => {
    if (!alert.alertEmail) return { subject, body: text, plan: { kind: 'skip', reason: `recorded only: pool "${alert.pool}" has no alert address` } };
    const to = alert.alertEmail;
    return { to, subject, body: text, plan: staffEmailPlan(channel, { idempotencyKey: key, to: [to], subject, text }, input.attempt.signal) };
  };
  const message: MessageEffect = {
    effect: { key, runId: run.runId, nodeId: command.nodeId, type: 'codePool.lowStock' },
    message: { channel: 'internal', marketing: false, idempotencyKey: key, runId: run.runId, flowId: run.flowId, nodeId: command.nodeId, contactId: run.contactId, test: false },
    resendable: channel.idempotent,
    prepare,
    attempt: input.attempt.attempt,
    now: deps.now,
    log: deps.log,
  };
  try {
    await deliverMessage(db, message);
  } catch (error) {
    deps.log.warn('the low-stock alert of a code pool could not be sent', { pool: alert.pool, idempotencyKey: key, error: error instanceof Error ? error.message : String(error) });
  }
}
