import type { ScheduleFacts } from '@nudgeflow/shared';
import type { SweepResult, SweepWindow } from '@nudgeflow/workflows';
import { forEachConcurrently } from '../dispatch/concurrently';
import { enterFlow, FlowCatalog, type EntryContext, type Log, type RoutableFlow } from '../dispatch';
import { candidatePages, candidateSource } from './schedule-candidates';

export interface SweepContext extends EntryContext {
  log: Log;
  /** Called once per page: the activity's heartbeat. */
  heartbeat?: () => void;
  now?: () => Date;
  pageSize?: number;
}

interface Due {
  facts: ScheduleFacts;
  key: string;
  fireAt: Date;
}

/** When the trigger fires for these facts, if inside [start, end); a trigger that throws fires nowhere. */
function fireTime(flow: RoutableFlow, facts: ScheduleFacts, start: Date, end: Date, log: Log): Date | undefined {
  if (flow.trigger.kind !== 'scheduleTrigger') return undefined;
  try {
    // Just before the window, so a fire time equal to its start counts.
    const fire = flow.trigger.behavior.nextFireAt(flow.trigger.config, facts, new Date(start.getTime() - 1), flow.settings);
    return fire && fire.getTime() >= start.getTime() && fire.getTime() < end.getTime() ? fire : undefined;
  } catch (error) {
    log(`flow ${flow.flowId}: trigger node "${flow.trigger.nodeId}" failed for contact ${facts.contact.id}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function sweepFlow(context: SweepContext, flow: RoutableFlow, start: Date, end: Date): Promise<{ due: number; started: number }> {
  const perOrder = flow.settings.runPer === 'order';
  const source = candidateSource(flow.trigger);
  if (perOrder && source.from === 'contacts') {
    context.log(`flow ${flow.flowId} runs per order, but its trigger reads a contact field: no runs started`);
    return { due: 0, started: 0 };
  }
  const now = context.now ?? (() => new Date());
  let due = 0;
  let started = 0;
  for await (const page of candidatePages(context.sql, source, context.pageSize ?? 500)) {
    context.heartbeat?.();
    // A key's candidates (one contact's orders) go one after another: re-entry must see each run.
    const byKey = new Map<string, Due[]>();
    for (const facts of page) {
      const fireAt = fireTime(flow, facts, start, end, context.log);
      if (!fireAt) continue;
      const key = perOrder && facts.order ? facts.order.id : facts.contact.id;
      byKey.set(key, [...(byKey.get(key) ?? []), { facts, key, fireAt }]);
    }
    await forEachConcurrently([...byKey.values()], 8, async (group) => {
      for (const { facts, key, fireAt } of group) {
        due += 1;
        const outcome = await enterFlow(context, {
          flow,
          contact: facts.contact,
          ...(facts.order ? { order: facts.order } : {}),
          key,
          cause: { kind: 'fire', fireAt },
          startAt: fireAt,
          now: now(),
        });
        if (outcome.kind === 'started' || outcome.kind === 'resumed') started += 1;
      }
    });
  }
  return { due, started };
}

/**
 * Starts a run for every contact (or order) whose date or inactivity trigger fires inside the
 * window, delayed until its fire time. Repeating it is harmless: run and workflow ids include
 * the fire date, so a run already created is left alone, and re-entry rules apply as for events.
 */
export async function sweepScheduledTriggers(context: SweepContext, window: SweepWindow): Promise<SweepResult> {
  const start = new Date(window.windowStart);
  const end = new Date(window.windowEnd);
  const flows = (await new FlowCatalog(context.sql, context.log).active()).filter((f) => f.trigger.kind === 'scheduleTrigger');
  let due = 0;
  let started = 0;
  for (const flow of flows) {
    const counts = await sweepFlow(context, flow, start, end);
    due += counts.due;
    started += counts.started;
  }
  return { ...window, flows: flows.length, due, started };
}
