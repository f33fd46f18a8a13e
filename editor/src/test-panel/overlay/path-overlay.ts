import type { FlowGraph, SimStep } from '@nudgeflow/shared';

/** What a test did at one node: the canvas marks it and labels it with when. */
export interface NodeMark {
  /** "current": a live run is at this node now (it pulses). */
  state: 'reached' | 'current';
  /** Seconds on the scenario's clock when the run first got here. */
  reachedAt: number;
  /** When it last did something here (a wait's "timeout" comes later than its "waiting"). */
  lastAt: number;
  /** The last outcome here: an output taken ("timeout", "yes") or what happened ("sent", "waiting"). */
  outcome: string;
}

/** The path of one test run over the graph; never part of the graph itself. */
export interface PathOverlay {
  nodes: Readonly<Record<string, NodeMark>>;
  /** Ids of the connections the run went along. */
  edges: ReadonlySet<string>;
}

/** A simulation or a live run so far: its steps in order, and where a live run is now. */
export interface RunPath {
  steps: readonly SimStep[];
  currentNodeId?: string;
}

const handleOf = (edge: { sourceHandle?: string }) => edge.sourceHandle ?? 'next';

/**
 * Derives the canvas overlay from a run's steps. A run follows one path, so a step at another
 * node than the step before it went along a connection between the two; when several connect
 * them, the one from the output the earlier node took.
 */
export function pathOverlay(graph: FlowGraph, run: RunPath): PathOverlay {
  const nodes: Record<string, NodeMark> = {};
  const edges = new Set<string>();
  let previous: SimStep | undefined;
  for (const step of run.steps) {
    const mark = nodes[step.nodeId];
    nodes[step.nodeId] = mark
      ? { ...mark, lastAt: step.atSeconds, outcome: step.outcome }
      : { state: 'reached', reachedAt: step.atSeconds, lastAt: step.atSeconds, outcome: step.outcome };
    if (previous && previous.nodeId !== step.nodeId) {
      const from = previous;
      const candidates = graph.edges.filter((e) => e.source === from.nodeId && e.target === step.nodeId);
      const taken = candidates.find((e) => handleOf(e) === from.outcome) ?? candidates[0];
      if (taken) edges.add(taken.id);
    }
    previous = step;
  }
  const current = run.currentNodeId !== undefined ? nodes[run.currentNodeId] : undefined;
  if (current && run.currentNodeId !== undefined) nodes[run.currentNodeId] = { ...current, state: 'current' };
  return { nodes, edges };
}
