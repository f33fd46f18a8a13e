import type { CompiledFlow, CompiledNode, FlowRef } from './compile-flow';
import type { Advance, Command, EndReason, Pending, RunState, Step } from './types';

/**
 * One interpreter call in progress. `state` is this call's own copy: `visits` is copied once
 * and counted in place; everything else is replaced, never edited, so the caller's state
 * stays as it was.
 */
export interface Turn {
  ref: FlowRef;
  flow: CompiledFlow;
  now: Date;
  nowIso: string;
  state: RunState;
  commands: Command[];
  steps: Step[];
  /** Node entries in this call, for the loop guard. */
  entries: number;
}

export function openTurn(ref: FlowRef, flow: CompiledFlow, state: RunState, now: Date): Turn {
  return {
    ref,
    flow,
    now,
    nowIso: now.toISOString(),
    state: { ...state, visits: { ...state.visits } },
    commands: [],
    steps: [],
    entries: 0,
  };
}

export function closeTurn(turn: Turn): Advance {
  return { state: turn.state, commands: turn.commands, steps: turn.steps };
}

/** The answer for an input that does not fit: nothing happens. */
export function unchanged(state: RunState): Advance {
  return { state, commands: [], steps: [] };
}

export function addStep(turn: Turn, node: CompiledNode, visit: number, outcome: string, detail?: string): void {
  turn.steps.push({
    at: turn.nowIso,
    nodeId: node.node.id,
    type: node.node.type,
    visit,
    outcome,
    ...(detail !== undefined ? { detail } : {}),
  });
}

/** A fresh command id; the counter lives in the state so a replay produces the same ids. */
export function nextCommandId(turn: Turn, nodeId: string, visit: number): string {
  const seq = turn.state.seq + 1;
  turn.state = { ...turn.state, seq };
  return `${nodeId}:${visit}:${seq}`;
}

export function pend(turn: Turn, pending: Pending, command: Command): void {
  const busy = pending.kind === 'effect' || pending.kind === 'lookup';
  turn.state = { ...turn.state, status: busy ? 'running' : 'waiting', pending };
  turn.commands.push(command);
}

export function finish(turn: Turn, reason: EndReason, nodeId?: string, detail?: string): void {
  const end = { reason, ...(nodeId !== undefined ? { nodeId } : {}), ...(detail !== undefined ? { detail } : {}) };
  const { pending: _pending, ...rest } = turn.state;
  turn.state = { ...rest, status: 'done', endedAt: turn.nowIso, end };
  turn.commands.push({ kind: 'done', ...end });
}

/** Ends the run because of a node: records the step, then the end. */
export function failAt(turn: Turn, node: CompiledNode, visit: number, detail: string): void {
  addStep(turn, node, visit, 'failed', detail);
  finish(turn, 'failed', node.node.id, detail);
}
