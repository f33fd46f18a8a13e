import type { FlowEvent, Order } from '@nudgeflow/shared';
import { getOrder, runningRunsOfContact, type OutboxItem } from '../db';
import { signalEvent } from '../temporal/client';
import { enterFlow, type EntryContext } from './enter-flow';
import type { Log } from './flow-catalog';
import type { RoutableFlow } from './routable-flow';

export interface DispatchContext extends EntryContext {
  log: Log;
  now: () => Date;
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
 * Routes one stored event: (a) every active flow whose event trigger matches gets an entry for
 * the event's key, under its re-entry rule; (b) every workflow of the contact that is running gets
 * the event as a signal, for its waits and exitOn. Throws when Temporal or Postgres fail; all of
 * it is safe to repeat, so the caller retries the whole event.
 */
export async function dispatchEvent(context: DispatchContext, flows: RoutableFlow[], item: OutboxItem): Promise<void> {
  const { event, contact } = item;
  const now = context.now();
  // Runs get the order as stored (merged from every event about it), not just this event's fields.
  let order: Order | undefined;
  if (event.order) order = (await getOrder(context.sql, event.order.id))?.order ?? event.order;

  /** Workflows that already have the event: it was their trigger, delivered with the start. */
  const delivered = new Set<string>();
  const toSignal = new Set<string>();
  for (const flow of flows) {
    if (!triggers(flow, event, context.log)) continue;
    const perOrder = flow.settings.runPer === 'order';
    if (perOrder && !order) {
      context.log(`flow ${flow.flowId} runs per order, but event ${event.id} (${event.type}) has no order: no run started`);
      continue;
    }
    const key = perOrder && order ? order.id : contact.id;
    const outcome = await enterFlow(context, {
      flow,
      contact,
      ...(order ? { order } : {}),
      key,
      cause: { kind: 'event', eventId: event.id },
      trigger: event,
      startAt: now,
      now,
    });
    switch (outcome.kind) {
      case 'started':
      case 'resumed':
      case 'unchanged':
        delivered.add(outcome.workflowId);
        break;
      case 'running':
        toSignal.add(outcome.workflowId);
        break;
      case 'refused':
        break;
      default: {
        const unknown: never = outcome;
        throw new Error(`unknown entry outcome ${JSON.stringify(unknown)}`);
      }
    }
  }

  // A scheduled run waiting for its fire time must not get events: any signal would start it early.
  for (const run of await runningRunsOfContact(context.sql, contact.id)) if (Date.parse(run.startedAt) <= now.getTime()) toSignal.add(run.workflowId);
  // signalEvent answers false when the run ended between the read and the signal: nothing to do.
  await Promise.all([...toSignal].filter((id) => !delivered.has(id)).map((workflowId) => signalEvent(context.client, workflowId, event)));
}
