import type { Step } from '@nudgeflow/shared';
import { CAP_SKIP_DETAIL } from '@nudgeflow/shared/interpreter';
import type { RunRef } from '@nudgeflow/workflows/contract';
import type { Sql } from '../db/client';
import { insertMessage } from '../db/messages';

export const CAP_SKIP_REASON = 'frequency cap: the contact already had as many marketing messages as the cap allows';

/** The node types whose messages the frequency cap holds back (marketing email and SMS), by channel. */
const cappedChannels: Readonly<Record<string, 'email' | 'sms'>> = { 'action.sendEmail': 'email', 'action.sendSms': 'sms' };

/**
 * A message the run's own look at the cap skipped never reaches the activity that records
 * messages: only its step says so. It is recorded here as a skipped message under the key its send
 * would have had (run, node, visit: a retried report writes nothing twice), so the Messages list
 * and the flow's stats show it as they show a message skipped where it is recorded.
 */
export async function recordCapSkips(sql: Sql, run: RunRef, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    const channel = step.outcome === 'skipped' && step.detail === CAP_SKIP_DETAIL ? cappedChannels[step.type] : undefined;
    if (!channel) continue;
    await insertMessage(sql, {
      idempotencyKey: `${run.runId}:${step.nodeId}:${step.visit}`,
      runId: run.runId,
      flowId: run.flowId,
      nodeId: step.nodeId,
      contactId: run.contactId,
      channel,
      marketing: true,
      status: 'skipped',
      reason: CAP_SKIP_REASON,
      test: run.test ?? false,
    });
  }
}
