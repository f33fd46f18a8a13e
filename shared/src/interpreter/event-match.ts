import type { FlowEvent } from '../data/event';
import type { RunContext } from '../nodes/context';
import type { EventMatch } from '../nodes/types';
import { evaluateRuleSet } from '../rules/evaluate';
import { eventFacts } from './context';

/** Whether an event is the one a wait is waiting for. */
export function matchesWait(match: EventMatch, event: FlowEvent, ctx: RunContext): boolean {
  if (event.type !== match.type) return false;
  // "Only events about this order": an event without an order is not about it.
  if (match.orderId !== undefined && event.order?.id !== match.orderId) return false;
  return evaluateRuleSet(match.filter, eventFacts(ctx, event));
}

/** The first inbox event a wait accepts, and the inbox without it. */
export function takeFromInbox(inbox: FlowEvent[], match: EventMatch, ctx: RunContext): { event: FlowEvent; rest: FlowEvent[] } | undefined {
  const index = inbox.findIndex((e) => matchesWait(match, e, ctx));
  if (index < 0) return undefined;
  return { event: inbox[index] as FlowEvent, rest: inbox.filter((_, i) => i !== index) };
}

/** At most this many events wait in the inbox; the oldest make room. */
export const INBOX_LIMIT = 50;

export function addToInbox(inbox: FlowEvent[], event: FlowEvent): FlowEvent[] {
  // The same id twice is the same event (a redelivered signal).
  if (inbox.some((e) => e.id === event.id)) return inbox;
  const next = [...inbox, event];
  return next.length > INBOX_LIMIT ? next.slice(next.length - INBOX_LIMIT) : next;
}
