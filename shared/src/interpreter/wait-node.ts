import type { FlowEvent } from '../data/event';
import type { WaitPlan } from '../nodes/types';
import type { EventMatch } from '../nodes/types';
import { edgeKey, type ReadyNode } from './compile-flow';
import { adoptEvent } from './context';
import { takeFromInbox } from './event-match';
import { followOutput } from './follow-edge';
import { messageWindow, sendWindowDelay } from './send-window';
import { addStep, failAt, pend, type Turn } from './turn';

/**
 * Starts a wait. A moment already past continues at once. An event wait first looks in the
 * inbox (events that came while the run was busy sending); once the run really pauses, the
 * leftover inbox is dropped, because a live wait would have ignored those events too.
 */
export function enterWait(turn: Turn, node: ReadyNode, visit: number, plan: WaitPlan): string | undefined {
  const until = plan.until.getTime();
  if (Number.isNaN(until)) {
    failAt(turn, node, visit, `node "${node.node.id}" planned a wait until an invalid time`);
    return undefined;
  }
  const untilIso = plan.until.toISOString();
  switch (plan.kind) {
    case 'sleep': {
      if (until <= turn.now.getTime()) {
        addStep(turn, node, visit, 'next');
        return followOutput(turn, node, visit, 'next');
      }
      addStep(turn, node, visit, 'waiting', `until ${untilIso}`);
      turn.state = { ...turn.state, inbox: [] };
      pend(turn, { kind: 'sleep', until: untilIso, nodeId: node.node.id, visit, purpose: 'wait' }, { kind: 'sleep', until: untilIso });
      return undefined;
    }
    case 'event': {
      const found = takeFromInbox(turn.state.inbox, plan.match, turn.state.ctx);
      if (found) {
        turn.state = { ...turn.state, inbox: found.rest };
        return receiveEvent(turn, node, visit, found.event, 'arrived earlier');
      }
      if (until <= turn.now.getTime()) return timeOut(turn, node, visit, plan.match);
      addStep(turn, node, visit, 'waiting', `until ${untilIso} for ${plan.match.type}`);
      turn.state = { ...turn.state, inbox: [] };
      pend(
        turn,
        { kind: 'event', match: plan.match, until: untilIso, nodeId: node.node.id, visit },
        { kind: 'waitForEvent', match: plan.match, until: untilIso },
      );
      return undefined;
    }
    default: {
      const unknown: never = plan;
      failAt(turn, node, visit, `node "${node.node.id}" planned an unknown kind of wait "${(unknown as { kind: string }).kind}"`);
      return undefined;
    }
  }
}

/** The awaited event came: it becomes the run's latest event and the wait leaves through "event". */
export function receiveEvent(turn: Turn, node: ReadyNode, visit: number, event: FlowEvent, note?: string): string | undefined {
  turn.state = { ...turn.state, ctx: adoptEvent(turn.state.ctx, event) };
  addStep(turn, node, visit, 'event', note ? `${event.type} (${note})` : event.type);
  return followOutput(turn, node, visit, 'event');
}

/**
 * When the message the timeout leads to could go out: undefined when at once, else the opening of
 * its send window (the next node only; a chain of nodes in between is the flow's own choice).
 */
function timeoutMessageOpening(turn: Turn, node: ReadyNode): Date | undefined {
  if (turn.ref.legacy?.timeoutIgnoresSendWindow) return undefined;
  const nextId = turn.flow.edges.get(edgeKey(node.node.id, 'timeout'));
  const next = nextId === undefined ? undefined : turn.flow.nodes.get(nextId);
  if (!next?.ok || !next.message) return undefined;
  const { settings } = turn.flow;
  return sendWindowDelay(messageWindow(settings, next.message), settings, turn.state.ctx.contact, turn.now);
}

/**
 * The wait is over without its event. If the timeout leads to a message its send window holds
 * (a reminder due at 23:00, sent at 08:00), the wait goes on listening until the window opens: an
 * order paid at midnight takes the "paid" branch instead of getting "still waiting for your
 * payment" in the morning. The message then goes out as soon as the window opens, as before.
 */
export function timeOut(turn: Turn, node: ReadyNode, visit: number, match: EventMatch): string | undefined {
  const opening = timeoutMessageOpening(turn, node);
  if (opening) {
    const until = opening.toISOString();
    addStep(turn, node, visit, 'waiting', `until ${until} for ${match.type} (the send window of the next message is closed)`);
    pend(turn, { kind: 'event', match, until, nodeId: node.node.id, visit }, { kind: 'waitForEvent', match, until });
    return undefined;
  }
  addStep(turn, node, visit, 'timeout');
  return followOutput(turn, node, visit, 'timeout');
}

/** A plain sleep is over. */
export function wakeUp(turn: Turn, node: ReadyNode, visit: number): string | undefined {
  addStep(turn, node, visit, 'next');
  return followOutput(turn, node, visit, 'next');
}
