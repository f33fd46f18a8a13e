import type { FlowGraph } from '@nudgeflow/shared';
import type { Selection } from './types';

/** Undo steps kept; graphs share unchanged nodes, so 200 of them cost little. */
export const HISTORY_LIMIT = 200;
/** Edits of one field closer together than this make one undo step (typing in a form). */
export const COALESCE_MS = 1000;

export interface History {
  past: FlowGraph[];
  future: FlowGraph[];
}

/** `previous` becomes the newest undo step; a new change forgets what was undone. */
export function record(history: History, previous: FlowGraph, limit: number): History {
  const past = [...history.past, previous];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

export function undoStep(history: History, current: FlowGraph): { history: History; graph: FlowGraph } | undefined {
  const graph = history.past.at(-1);
  if (!graph) return undefined;
  return { graph, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redoStep(history: History, current: FlowGraph): { history: History; graph: FlowGraph } | undefined {
  const graph = history.future[0];
  if (!graph) return undefined;
  return { graph, history: { past: [...history.past, current], future: history.future.slice(1) } };
}

/**
 * What to select after undo or redo went from `from` to `to`: the nodes that step changed (so
 * undoing a delete shows the restored nodes, undoing an edit shows the edited node), else the
 * edges it changed, else whatever of the current selection still exists.
 */
export function selectionAfterStep(from: FlowGraph, to: FlowGraph, current: Selection): Selection {
  const fromNodes = new Set(from.nodes);
  const changedNodes = to.nodes.filter((n) => !fromNodes.has(n)).map((n) => n.id);
  if (changedNodes.length > 0) return { nodeIds: changedNodes, edgeIds: [] };
  const fromEdges = new Set(from.edges);
  const changedEdges = to.edges.filter((e) => !fromEdges.has(e)).map((e) => e.id);
  if (changedEdges.length > 0) return { nodeIds: [], edgeIds: changedEdges };
  const nodeIds = new Set(to.nodes.map((n) => n.id));
  const edgeIds = new Set(to.edges.map((e) => e.id));
  return { nodeIds: current.nodeIds.filter((id) => nodeIds.has(id)), edgeIds: current.edgeIds.filter((id) => edgeIds.has(id)) };
}
