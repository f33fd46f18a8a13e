import { createHash } from 'node:crypto';
import { workflowIdFor } from '../temporal/client';

/**
 * The run id of one flow entry, derived from what caused it: the flow, the run key (contact or
 * order id) and the triggering event id, or the fire date of a date or inactivity trigger. A
 * dispatch retried after a crash, or a sweep repeated, computes the same id, finds the run row it
 * created before, and does not create a second run. Hashed: event ids come from the shop and may
 * be long, and the run id prefixes every idempotency key of the run.
 */
export function runIdFor(flowId: string, key: string, cause: RunCause): string {
  const discriminator = cause.kind === 'event' ? `event\u0000${cause.eventId}` : `fire\u0000${fireDay(cause.fireAt)}`;
  const digest = createHash('sha256').update(`${flowId}\u0000${key}\u0000${discriminator}`).digest('base64url');
  return `run_${digest.slice(0, 22)}`;
}

export type RunCause = { kind: 'event'; eventId: string } | { kind: 'fire'; fireAt: Date };

/**
 * The workflow id of a run: one per flow and key for event triggers, so a second trigger finds the
 * running workflow. Scheduled entries add the fire date: at most one per key and UTC day, and a
 * delayed run waiting for tomorrow never collides with today's.
 */
export function runWorkflowId(flowId: string, key: string, cause: RunCause): string {
  return cause.kind === 'event' ? workflowIdFor(flowId, key) : workflowIdFor(flowId, `${key}/${fireDay(cause.fireAt)}`);
}

/** "2026-05-01": the UTC calendar day of a fire time. */
export function fireDay(fireAt: Date): string {
  return fireAt.toISOString().slice(0, 10);
}
