import type { FlowEvent, Order } from '@nudgeflow/shared';
import type { OutboxItem, RunKey, RunRecord, RunStatus } from '../db';
import type { EntryOutcome, EntryRequest } from './enter-flow';
import type { Log } from './flow-catalog';
import { decideEntry } from './reentry';
import type { RoutableFlow } from './routable-flow';
import { runIdFor, runWorkflowId } from './run-ids';

/** One flow an event enters: the request enterFlow would get, with the ids derived from it. */
export interface PlannedEntry {
  request: EntryRequest;
  runId: string;
  workflowId: string;
}

function triggers(flow: RoutableFlow, event: FlowEvent, log: Log): boolean {
  if (flow.trigger.kind !== 'eventTrigger') return false;
  try {
    return flow.trigger.behavior.matches(flow.trigger.config, event);
  } catch (error) {
    log(`flow ${flow.flowId}: trigger node "${flow.trigger.nodeId}" could not check event ${event.id}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * The flows a stored event enters: every active flow whose event trigger matches, keyed by the
 * contact, or by the order for flows run per order. `order` is the order as stored (merged from
 * every event about it), which runs get rather than just this event's fields.
 */
export function entriesOf(item: OutboxItem, order: Order | undefined, flows: RoutableFlow[], now: Date, log: Log): PlannedEntry[] {
  const { event, contact } = item;
  const entries: PlannedEntry[] = [];
  for (const flow of flows) {
    if (!triggers(flow, event, log)) continue;
    const perOrder = flow.settings.runPer === 'order';
    if (perOrder && !order) {
      log(`flow ${flow.flowId} runs per order, but event ${event.id} (${event.type}) has no order: no run started`);
      continue;
    }
    const key = perOrder && order ? order.id : contact.id;
    const cause = { kind: 'event' as const, eventId: event.id };
    const request: EntryRequest = { flow, contact, ...(order ? { order } : {}), key, cause, trigger: event, startAt: now, now };
    entries.push({ request, runId: runIdFor(flow.flowId, key, cause), workflowId: runWorkflowId(flow.flowId, key, cause) });
  }
  return entries;
}

/** The key lastRunFor reads for an entry (the re-entry rule's "latest run"). */
export function runKeyOf(entry: PlannedEntry): RunKey {
  const { flow, contact, key } = entry.request;
  return { flowId: flow.flowId, contactId: contact.id, ...(flow.settings.runPer === 'order' ? { orderId: key } : {}) };
}

/**
 * What to do for an entry, decided from the runs table as read for the whole claim: the same
 * decisions enterFlow makes one query at a time.
 */
export type EntryStep =
  /** Nothing to start: the outcome is known (an earlier attempt finished it, a run is going on, the rule refuses). */
  | { kind: 'settled'; outcome: EntryOutcome }
  /** A new run: create its row, then start its workflow. */
  | { kind: 'create' }
  /** Its row exists from an earlier attempt: start the workflow only if it never ran. */
  | { kind: 'finish' }
  /** A new run under the workflow id of the previous one, which may not have closed yet: enterFlow waits for it. */
  | { kind: 'enterAlone' };

export function stepFor(entry: PlannedEntry, status: RunStatus | undefined, last: RunRecord | undefined): EntryStep {
  const { runId, workflowId, request } = entry;
  if (status === 'done') return { kind: 'settled', outcome: { kind: 'unchanged', runId, workflowId } };
  if (status !== undefined) return { kind: 'finish' };
  const decision = decideEntry(request.flow.settings.reentry, last, request.startAt);
  switch (decision.kind) {
    case 'running':
      return { kind: 'settled', outcome: { kind: 'running', workflowId: decision.run.workflowId } };
    case 'refused':
      return { kind: 'settled', outcome: decision };
    case 'enter':
      return last?.workflowId === workflowId ? { kind: 'enterAlone' } : { kind: 'create' };
    default: {
      const unknown: never = decision;
      throw new Error(`unknown entry decision ${JSON.stringify(unknown)}`);
    }
  }
}
