import dagre from '@dagrejs/dagre';
import type { FlowGraph, NodeRegistry } from '@nudgeflow/shared';
import { edgeOutput } from './connection-rules';
import { nodeOutputs } from './node-outputs';

/** The size the canvas draws a node at, near enough for spacing. */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 100;

/**
 * Top-to-bottom layout with dagre. Edges go in by output order and each node's targets carry
 * left-to-right constraints, so "yes" lands left of "no" and "event" left of "timeout": the
 * order the handles sit on the node, which keeps edges from crossing under it.
 */
export function layoutGraph(graph: FlowGraph, registry: NodeRegistry): FlowGraph {
  if (graph.nodes.length === 0) return graph;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', ranksep: 60, nodesep: 50, marginx: 40, marginy: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outputIndex = (edge: FlowGraph['edges'][number]): number => {
    const source = byId.get(edge.source);
    const index = source ? nodeOutputs(source, registry).findIndex((o) => o.id === edgeOutput(edge)) : -1;
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const edges = graph.edges
    .filter((e) => byId.has(e.source) && byId.has(e.target) && e.source !== e.target)
    .map((edge, i) => ({ edge, i, index: outputIndex(edge) }))
    .sort((a, b) => (a.edge.source === b.edge.source ? a.index - b.index : a.i - b.i));
  for (const { edge } of edges) g.setEdge(edge.source, edge.target);

  const constraints: { left: string; right: string }[] = [];
  const seen = new Set<string>();
  const targetsBySource = new Map<string, string[]>();
  for (const { edge } of edges) targetsBySource.set(edge.source, [...(targetsBySource.get(edge.source) ?? []), edge.target]);
  for (const siblings of targetsBySource.values()) {
    const targets = [...new Set(siblings)];
    for (let i = 1; i < targets.length; i += 1) {
      const left = targets[i - 1] as string;
      const right = targets[i] as string;
      // A contradicting pair (another node wants them the other way) would make the order unsatisfiable.
      if (seen.has(`${right}\0${left}`)) continue;
      seen.add(`${left}\0${right}`);
      constraints.push({ left, right });
    }
  }
  dagre.layout(g, { constraints });

  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const placed = g.node(node.id);
      const position = { x: Math.round(placed.x - NODE_WIDTH / 2), y: Math.round(placed.y - NODE_HEIGHT / 2) };
      return position.x === node.position.x && position.y === node.position.y ? node : { ...node, position };
    }),
  };
}
