import { graphEdgeSchema, graphNodeSchema, type GraphEdge, type GraphNode } from '@nudgeflow/shared';
import { idBaseForType } from './ids';
import type { Selection } from './types';

export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Marks clipboard text as ours, so pasting a stranger's JSON does not insert nonsense. */
export const FRAGMENT_KIND = 'nudgeflow/fragment';

/** The selected nodes and the edges between them; undefined when no node is selected. */
export function copyFragment(graph: { nodes: GraphNode[]; edges: GraphEdge[] }, selection: Selection): Fragment | undefined {
  const ids = new Set(selection.nodeIds);
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return undefined;
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

export function fragmentToText(fragment: Fragment): string {
  return JSON.stringify({ kind: FRAGMENT_KIND, ...fragment }, null, 2);
}

/** Clipboard text back into a fragment; undefined when it is not one of ours. */
export function fragmentFromText(text: string): Fragment | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || !('kind' in json) || json.kind !== FRAGMENT_KIND) return undefined;
  const { nodes, edges } = json as { nodes?: unknown; edges?: unknown };
  if (!Array.isArray(nodes) || !Array.isArray(edges)) return undefined;
  const parsedNodes = nodes.map((n) => graphNodeSchema.safeParse(n));
  const parsedEdges = edges.map((e) => graphEdgeSchema.safeParse(e));
  if (parsedNodes.length === 0 || !parsedNodes.every((r) => r.success) || !parsedEdges.every((r) => r.success)) return undefined;
  return { nodes: parsedNodes.map((r) => r.data as GraphNode), edges: parsedEdges.map((r) => r.data as GraphEdge) };
}

/**
 * A copy of the fragment ready to insert: every node gets a fresh id, edges follow their nodes
 * (edges to nodes outside the fragment are dropped), positions move by `offset` or so the
 * fragment's top-left corner lands on `at`.
 */
export function remapFragment(
  fragment: Fragment,
  newId: (base: string) => string,
  placement: { offset: GraphNode['position'] } | { at: GraphNode['position'] },
): Fragment {
  const ids = new Map<string, string>();
  for (const node of fragment.nodes) ids.set(node.id, newId(idBaseForType(node.type)));
  let dx: number;
  let dy: number;
  if ('at' in placement) {
    const left = Math.min(...fragment.nodes.map((n) => n.position.x));
    const top = Math.min(...fragment.nodes.map((n) => n.position.y));
    dx = placement.at.x - left;
    dy = placement.at.y - top;
  } else {
    dx = placement.offset.x;
    dy = placement.offset.y;
  }
  const nodes = fragment.nodes.map((n) => ({ ...n, id: ids.get(n.id) ?? n.id, position: { x: n.position.x + dx, y: n.position.y + dy } }));
  const edges = fragment.edges.flatMap((e) => {
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    return source && target ? [{ ...e, id: newId('e'), source, target }] : [];
  });
  return { nodes, edges };
}
