import type { FlowGraph } from '@nudgeflow/shared';
import type { Selection } from './types';

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Equal selections keep their object, so components selecting it do not re-render. */
export function sameSelection(a: Selection, b: Selection): boolean {
  return sameIds(a.nodeIds, b.nodeIds) && sameIds(a.edgeIds, b.edgeIds);
}

/** The part of a selection that still exists in `graph`. */
export function withoutIds(selection: Selection, graph: FlowGraph): Selection {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  return { nodeIds: selection.nodeIds.filter((id) => nodeIds.has(id)), edgeIds: selection.edgeIds.filter((id) => edgeIds.has(id)) };
}
