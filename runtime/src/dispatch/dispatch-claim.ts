import { createRuns, getOrders, lastRunsFor, runningRunsOfContacts, runStatuses, type NewRun, type OutboxItem } from '../db';
import { signalEvent } from '../temporal/client';
import { forEachConcurrently } from './concurrently';
import { enterFlow, finishEarlierAttempt, startRunWorkflow, type EntryContext, type EntryOutcome } from './enter-flow';
import type { FlowCatalog, Log } from './flow-catalog';
import { entriesOf, runKeyOf, stepFor, type EntryStep, type PlannedEntry } from './plan-entries';

export interface DispatchContext extends EntryContext {
  log: Log;
  now: () => Date;
  /** Events routed side by side. */
  concurrency: number;
  /** How long one event's Temporal calls may take before it counts as unreachable. */
  temporalTimeoutMs: number;
}

interface Routing {
  item: OutboxItem;
  entries: { entry: PlannedEntry; step: EntryStep }[];
  /** Workflows that already have the event: it was their trigger, delivered with the start. */
  delivered: Set<string>;
  toSignal: Set<string>;
  failure?: unknown;
}

function newRun(entry: PlannedEntry): NewRun {
  const { flow, contact, order, cause, startAt } = entry.request;
  return {
    id: entry.runId,
    flowId: flow.flowId,
    flowVersion: flow.version,
    contactId: contact.id,
    ...(order ? { orderId: order.id } : {}),
    workflowId: entry.workflowId,
    startedAt: startAt.toISOString(),
    ...(cause.kind === 'event' ? { triggerEventId: cause.eventId } : {}),
  };
}

function note(routing: Routing, outcome: EntryOutcome): void {
  switch (outcome.kind) {
    case 'started':
    case 'resumed':
    case 'unchanged':
      routing.delivered.add(outcome.workflowId);
      break;
    case 'running':
      routing.toSignal.add(outcome.workflowId);
      break;
    case 'refused':
      break;
    default: {
      const unknown: never = outcome;
      throw new Error(`unknown entry outcome ${JSON.stringify(unknown)}`);
    }
  }
}

/** Carries out one event's entries (their rows are created already where `created` says so). */
async function enter(context: DispatchContext, routing: Routing, created: Set<string>): Promise<void> {
  for (const { entry, step } of routing.entries) {
    const { request, runId, workflowId } = entry;
    switch (step.kind) {
      case 'settled':
        note(routing, step.outcome);
        break;
      case 'create':
        if (created.has(runId)) {
          await startRunWorkflow(context, request, runId, workflowId);
          note(routing, { kind: 'started', runId, workflowId });
        } else {
          // Someone else (a second dispatcher whose lease overlapped) created it between our reads.
          note(routing, await finishEarlierAttempt(context, request, runId, workflowId));
        }
        break;
      case 'finish':
        note(routing, await finishEarlierAttempt(context, request, runId, workflowId));
        break;
      case 'enterAlone':
        note(routing, await enterFlow(context, request));
        break;
      default: {
        const unknown: never = step;
        throw new Error(`unknown entry step ${JSON.stringify(unknown)}`);
      }
    }
  }
}

/** Runs `fn` for each event still without a failure, side by side; a throw fails that event only. */
async function eachEvent(context: DispatchContext, routings: Routing[], fn: (routing: Routing) => Promise<void>): Promise<void> {
  await forEachConcurrently(
    routings.filter((r) => r.failure === undefined),
    context.concurrency,
    async (routing) => {
      try {
        await context.client.withDeadline(Date.now() + context.temporalTimeoutMs, () => fn(routing));
      } catch (error) {
        routing.failure = error;
      }
    },
  );
}

/**
 * Routes a claim of stored events, as dispatching each alone would: (a) every active flow whose
 * event trigger matches gets an entry for the event's key, under its re-entry rule; (b) every
 * workflow of the contact that is running gets the event as a signal, for its waits and exitOn.
 * The runs table is read, and new run rows written, once for the claim rather than once per
 * event: a claim holds at most one event per contact, so its events never compete for one run
 * key. Resolves to the failure of each event that failed (all of it is safe to repeat); throws
 * when the database fails for the claim as a whole.
 */
export async function dispatchClaim(context: DispatchContext, catalog: FlowCatalog, items: OutboxItem[]): Promise<Map<number, unknown>> {
  const now = context.now();
  // The contact's running workflows get the event unless it was their trigger, delivered with
  // the start: read before the entries, a run those start has it, one they find running is
  // signalled anyway. A scheduled run waiting for its fire time must not get events: any signal
  // would start it early.
  const [flows, running] = await Promise.all([catalog.active(), runningRunsOfContacts(context.sql, [...new Set(items.map((item) => item.contactId))])]);
  const plans = items.map((item) => entriesOf(item, item.event.order, flows, now, context.log));
  const all = plans.flat();
  const orderIds = [...new Set(all.flatMap((e) => (e.request.order ? [e.request.order.id] : [])))];
  const [stored, statuses, lastRuns] = await Promise.all([
    getOrders(context.sql, orderIds),
    runStatuses(context.sql, all.map((e) => e.runId)),
    lastRunsFor(context.sql, all.map(runKeyOf)),
  ]);
  const last = new Map(all.map((entry, i) => [entry, lastRuns[i]]));
  const routings: Routing[] = items.map((item, i) => ({
    item,
    entries: (plans[i] ?? []).map((planned) => {
      // Runs get the order as stored (merged from every event about it), not just this event's fields.
      const order = planned.request.order && stored.get(planned.request.order.id)?.order;
      const entry = order ? { ...planned, request: { ...planned.request, order } } : planned;
      return { entry, step: stepFor(entry, statuses.get(entry.runId), last.get(planned)) };
    }),
    delivered: new Set(),
    toSignal: new Set(),
  }));

  const toCreate = routings.flatMap((r) => r.entries.filter((e) => e.step.kind === 'create').map((e) => newRun(e.entry)));
  const created = await createRuns(context.sql, toCreate);
  await eachEvent(context, routings, (routing) => enter(context, routing, created));
  await eachEvent(context, routings, async (routing) => {
    for (const run of running.get(routing.item.contactId) ?? []) if (Date.parse(run.startedAt) <= now.getTime()) routing.toSignal.add(run.workflowId);
    const { event } = routing.item;
    // signalEvent answers false when the run ended between the read and the signal: nothing to do.
    await Promise.all([...routing.toSignal].filter((id) => !routing.delivered.has(id)).map((workflowId) => signalEvent(context.client, workflowId, event)));
  });
  return new Map(routings.flatMap((r) => (r.failure === undefined ? [] : [[r.item.id, r.failure] as const])));
}
