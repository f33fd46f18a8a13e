import type { FlowEvent } from '../data/event';
import { compileFlow, type CompiledFlow, type FlowRef, type ReadyNode } from './compile-flow';
import { onCapAnswer, onEffectResult, startEffect } from './effect-node';
import { guarded, runFrom } from './enter-node';
import { addToInbox, matchesWait } from './event-match';
import { findExit } from './exit-on';
import { isCapAnswer, onLookupAnswer } from './lookup-node';
import { addStep, closeTurn, failAt, finish, openTurn, unchanged, type Turn } from './turn';
import type { Advance, EndReason, Input, Pending, RunState } from './types';
import { receiveEvent, timeOut, wakeUp } from './wait-node';

interface Call {
  ref: FlowRef;
  flow: CompiledFlow;
  state: RunState;
  now: Date;
}

/** Picks the run up at its pending node and lets `handle` move it on. */
function resume(call: Call, pending: Pending, handle: (turn: Turn, node: ReadyNode) => string | undefined): Advance {
  const turn = openTurn(call.ref, call.flow, call.state, call.now);
  const { pending: _done, ...rest } = turn.state;
  turn.state = { ...rest, status: 'running' };
  const node = call.flow.nodes.get(pending.nodeId);
  if (!node?.ok) {
    const why = node ? `cannot run it: ${node.problem}` : 'no longer has it';
    finish(turn, 'failed', pending.nodeId, `the run was at node "${pending.nodeId}", but this version of the flow ${why}`);
    return closeTurn(turn);
  }
  runFrom(turn, guarded(turn, node, pending.visit, () => handle(turn, node)));
  return closeTurn(turn);
}

/** Ends the run from outside (a goal event, a cancel), noting it at the node it was at. */
function endFromOutside(call: Call, reason: EndReason, detail?: string): Advance {
  const turn = openTurn(call.ref, call.flow, call.state, call.now);
  const { pending } = call.state;
  const node = pending && call.flow.nodes.get(pending.nodeId);
  if (pending && node) addStep(turn, node, pending.visit, reason, detail);
  finish(turn, reason, pending?.nodeId, detail);
  return closeTurn(turn);
}

function keepForLater(state: RunState, event: FlowEvent): Advance {
  const inbox = addToInbox(state.inbox, event);
  return inbox === state.inbox ? unchanged(state) : { state: { ...state, inbox }, commands: [], steps: [] };
}

/**
 * An exitOn event ends the run whatever it is doing. Otherwise: a waiting run takes a matching
 * event; a busy run (sending, asking, held by the window or the cap) keeps it for its next
 * wait; a plain sleep drops it, as the flow asked to wait regardless.
 */
function onEvent(call: Call, event: FlowEvent): Advance {
  const { state } = call;
  if (findExit(call.flow.settings.exitOn, event, state.ctx)) return endFromOutside(call, 'goal', event.type);
  const { pending } = state;
  if (!pending) return unchanged(state);
  switch (pending.kind) {
    case 'effect':
    case 'lookup':
      return keepForLater(state, event);
    case 'sleep':
      return pending.purpose === 'wait' ? unchanged(state) : keepForLater(state, event);
    case 'event':
      if (!matchesWait(pending.match, event, state.ctx)) return unchanged(state);
      return resume(call, pending, (turn, node) => receiveEvent(turn, node, pending.visit, event));
    default: {
      const _exhaustive: never = pending;
      return unchanged(state);
    }
  }
}

function onTimer(call: Call): Advance {
  const { state, now } = call;
  const { pending } = state;
  if (!pending) return unchanged(state);
  switch (pending.kind) {
    case 'effect':
    case 'lookup':
      return unchanged(state);
    case 'sleep':
      if (now.getTime() < Date.parse(pending.until)) return unchanged(state);
      // After a window or cap delay the effect checks both again before it goes out.
      return resume(call, pending, (turn, node) =>
        pending.purpose === 'wait' ? wakeUp(turn, node, pending.visit) : startEffect(turn, node, pending.visit),
      );
    case 'event':
      if (now.getTime() < Date.parse(pending.until)) return unchanged(state);
      return resume(call, pending, (turn, node) => timeOut(turn, node, pending.visit, pending.match));
    default: {
      const _exhaustive: never = pending;
      return unchanged(state);
    }
  }
}

/**
 * Moves a run on by one input. Inputs that do not fit (a stale timer, a result for another
 * command, anything after the end) return the same state and no commands.
 */
export function advanceRun(ref: FlowRef, state: RunState, input: Input, now: Date): Advance {
  if (state.status === 'done') return unchanged(state);
  const call: Call = { ref, flow: compileFlow(ref.graph, ref.registry), state, now };
  if (call.flow.problem) {
    const turn = openTurn(ref, call.flow, state, now);
    finish(turn, 'failed', state.pending?.nodeId, call.flow.problem);
    return closeTurn(turn);
  }
  const { pending } = state;
  switch (input.kind) {
    case 'cancel':
      return endFromOutside(call, 'cancelled', input.reason);
    case 'event':
      return onEvent(call, input.event);
    case 'timer':
      return onTimer(call);
    case 'effectResult':
      if (pending?.kind !== 'effect' || pending.commandId !== input.commandId) return unchanged(state);
      return resume(call, pending, (turn, node) => onEffectResult(turn, node, pending.visit, input.result));
    case 'lookupResult': {
      if (pending?.kind !== 'lookup' || pending.commandId !== input.commandId) return unchanged(state);
      const { answer } = input;
      if (pending.purpose === 'condition') return resume(call, pending, (turn, node) => onLookupAnswer(turn, node, pending.visit, answer));
      return resume(call, pending, (turn, node) => {
        if (isCapAnswer(answer)) return onCapAnswer(turn, node, pending.visit, answer);
        failAt(turn, node, pending.visit, `the frequency-cap check for node "${node.node.id}" got an answer without send times`);
        return undefined;
      });
    }
    default: {
      const _exhaustive: never = input;
      return unchanged(state);
    }
  }
}
