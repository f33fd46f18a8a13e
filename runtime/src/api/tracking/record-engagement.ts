import { createHash } from 'node:crypto';
import type { FlowEvent } from '@nudgeflow/shared';
import { ingestEvent, storeUnroutedEvent, type MessageRecord } from '../../db';
import type { TrackingRouteDeps } from './deps';
import { classifyHit } from './machine-hit';

export type Engagement = { type: 'email.opened' } | { type: 'email.clicked'; url: string };

/** What the request says about who followed the link (see machine-hit.ts). */
export interface HitRequest {
  method: string;
  userAgent: string | undefined;
}

/**
 * The event a followed link stands for. Its id is made from the message (and the link), so a
 * reloaded pixel or a second click on the same link is the same event again: ingestion keeps
 * one opened event per message and one clicked event per message and link. A machine's hit
 * (`machine` given) has an id of its own, so the customer's own open or click later is still
 * recorded as theirs.
 */
export function engagementEvent(message: MessageRecord, engagement: Engagement, now: Date, machine?: { reason: string }): FlowEvent {
  const human = engagement.type === 'email.opened' ? `email.opened:${message.id}` : `email.clicked:${message.id}:${createHash('sha256').update(engagement.url).digest('base64url').slice(0, 16)}`;
  return {
    id: machine ? `${human}:machine` : human,
    type: engagement.type,
    occurredAt: now.toISOString(),
    contact: { id: message.contactId },
    data: {
      messageId: message.id,
      ...(message.flowId !== undefined ? { flowId: message.flowId } : {}),
      ...(message.nodeId !== undefined ? { nodeId: message.nodeId } : {}),
      ...(message.runId !== undefined ? { runId: message.runId } : {}),
      ...(engagement.type === 'email.clicked' ? { url: engagement.url } : {}),
      ...(machine ? { machine: true, machineReason: machine.reason } : {}),
    },
  };
}

/**
 * How long after sending the hit came. A message still `queued` is being handed to the mail
 * server right now (its links cannot be out before that): the hit counts as at the moment of
 * sending. Messages never marked sent (delivery unknown) have no time to compare with.
 */
function sinceSentMs(message: MessageRecord, now: Date): number | undefined {
  if (message.sentAt !== undefined) return now.getTime() - Date.parse(message.sentAt);
  return message.status === 'queued' ? 0 : undefined;
}

/**
 * Records an open or a click. A person's goes through the normal ingestion path, so that flows
 * waiting for email.clicked, triggers and engagement conditions see it, and wakes the dispatcher.
 * A machine's (a link scanner, a prefetching proxy) is kept on the contact's record with
 * `data.machine: true` and its reason, but reaches no flow. A HEAD request records nothing, and
 * neither do test messages: their contact is a sample, not a customer.
 */
export async function recordEngagement(deps: TrackingRouteDeps, message: MessageRecord, engagement: Engagement, request: HitRequest, now = new Date()): Promise<void> {
  if (message.test) return;
  const kind = engagement.type === 'email.opened' ? 'open' : 'click';
  const verdict = classifyHit({ kind, ...request, sinceSentMs: sinceSentMs(message, now) });
  switch (verdict.record) {
    case 'nothing':
      return;
    case 'machine':
      await storeUnroutedEvent(deps.sql, engagementEvent(message, engagement, now, verdict), message.contactId);
      return;
    case 'human': {
      const result = await ingestEvent(deps.sql, engagementEvent(message, engagement, now));
      if (result.status === 'stored') deps.onAccepted();
      return;
    }
    default: {
      const unknown: never = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(unknown)}`);
    }
  }
}
