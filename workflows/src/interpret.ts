import type { FlowGraph } from '@nudgeflow/shared';
import { advanceRun, startRun, type Advance, type FlowRef, type Input, type RunState, type StartArgs } from '@nudgeflow/shared/interpreter';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where a failure happened, when the shell knows it (an effect or lookup node). */
export interface FailedAt {
  nodeId: string;
  visit: number;
}

/**
 * Ends the run as failed from the workflow shell: the interpreter core threw, or an effect could
 * not be carried out after its retries. Mirrors how the core ends a run (a step, then `done`).
 */
export function failRun(graph: FlowGraph, state: RunState, now: Date, detail: string, at?: FailedAt): Advance {
  const iso = now.toISOString();
  const where = at ?? (state.pending ? { nodeId: state.pending.nodeId, visit: state.pending.visit } : undefined);
  const end = { reason: 'failed' as const, ...(where ? { nodeId: where.nodeId } : {}), detail };
  const { pending: _pending, ...rest } = state;
  const type = where && graph.nodes.find((n) => n.id === where.nodeId)?.type;
  return {
    state: { ...rest, status: 'done', endedAt: iso, end },
    commands: [{ kind: 'done', ...end }],
    steps: where && type ? [{ at: iso, nodeId: where.nodeId, type, visit: where.visit, outcome: 'failed', detail }] : [],
  };
}

/** A state for a run whose start threw: nothing but the end. */
function emptyState(ref: FlowRef, args: StartArgs): RunState {
  return {
    v: 1,
    status: 'running',
    ctx: { runId: args.runId, flow: ref.flow, contact: args.contact, codes: {}, ...(args.test ? { test: true } : {}) },
    visits: {},
    seq: 0,
    inbox: [],
    startedAt: args.now.toISOString(),
  };
}

/**
 * The core catches node errors itself; these guards catch what slips through (a bug in the core),
 * so a run ends failed and recorded instead of the workflow task failing over and over.
 */
export function safeStart(ref: FlowRef, args: StartArgs): Advance {
  try {
    return startRun(ref, args);
  } catch (error) {
    return failRun(ref.graph, emptyState(ref, args), args.now, `the run could not start: ${errorText(error)}`);
  }
}

export function safeAdvance(ref: FlowRef, state: RunState, input: Input, now: Date): Advance {
  try {
    return advanceRun(ref, state, input, now);
  } catch (error) {
    return failRun(ref.graph, state, now, `the run stopped on an internal error after "${input.kind}": ${errorText(error)}`);
  }
}
