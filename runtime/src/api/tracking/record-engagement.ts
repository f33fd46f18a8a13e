import { createHash } from 'node:crypto';
import type { FlowEvent } from '@nudgeflow/shared';
import { ingestEvent, type MessageRecord } from '../../db';
import type { TrackingRouteDeps } from './deps';

export type Engagement = { type: 'email.opened' } | { type: 'email.clicked'; url: string };

/**
 * The event a followed link stands for. Its id is made from the message (and the link), so a
 * reloaded pixel or a second click on the same link is the same event again: ingestion keeps
 * one opened event per message and one clicked event per message and link.
 */
export function engagementEvent(message: MessageRecord, engagement: Engagement, now: Date): FlowEvent {
  const id = engagement.type === 'email.opened' ? `email.opened:${message.id}` : `email.clicked:${message.id}:${createHash('sha256').update(engagement.url).digest('base64url').slice(0, 16)}`;
  return {
    id,
    type: engagement.type,
    occurredAt: now.toISOString(),
    contact: { id: message.contactId },
    data: {
      messageId: message.id,
      ...(message.flowId !== undefined ? { flowId: message.flowId } : {}),
      ...(message.nodeId !== undefined ? { nodeId: message.nodeId } : {}),
      ...(message.runId !== undefined ? { runId: message.runId } : {}),
      ...(engagement.type === 'email.clicked' ? { url: engagement.url } : {}),
    },
  };
}

/**
 * Records an open or a click through the normal ingestion path, so that flows waiting for
 * email.clicked and engagement conditions see it, and wakes the dispatcher. Test messages record
 * nothing: their contact is a sample, not a customer.
 */
export async function recordEngagement(deps: TrackingRouteDeps, message: MessageRecord, engagement: Engagement, now = new Date()): Promise<void> {
  if (message.test) return;
  const result = await ingestEvent(deps.sql, engagementEvent(message, engagement, now));
  if (result.status === 'stored') deps.onAccepted();
}
