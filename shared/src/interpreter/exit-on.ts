import type { FlowEvent } from '../data/event';
import type { ExitOn } from '../graph/settings';
import type { RunContext } from '../nodes/context';
import { evaluateRuleSet } from '../rules/evaluate';
import { eventFacts } from './context';

function matchesExit(entry: ExitOn, event: FlowEvent, ctx: RunContext): boolean {
  if (event.type !== entry.event) return false;
  // sameOrder can only be judged when both sides know an order; it is on unless switched off.
  const sameOrder = entry.sameOrder ?? true;
  if (sameOrder && ctx.order && event.order && event.order.id !== ctx.order.id) return false;
  return evaluateRuleSet(entry.filter, eventFacts(ctx, event));
}

/** The flow's exitOn entry this event fulfils, if any: the run then ends with reason "goal". */
export function findExit(exitOn: ExitOn[], event: FlowEvent, ctx: RunContext): ExitOn | undefined {
  return exitOn.find((entry) => matchesExit(entry, event, ctx));
}
