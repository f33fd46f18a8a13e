import type { FlowGraph, GraphEdge, GraphNode, NodeRegistry } from '@nudgeflow/shared';
import { NODE_HEIGHT } from './layout';
import { nodeOutputs } from './node-outputs';

/** Vertical room kept between an inserted node and the node after it. */
const ROOM_BELOW = 60;

/**
 * Moves `from` and everything downstream of it (not `keep`) down by as much as the inserted node
 * needs, so it does not land on top of the node it now leads to.
 */
function makeRoom(graph: FlowGraph, inserted: GraphNode, from: string, keep: ReadonlySet<string>): FlowGraph {
  const first = graph.nodes.find((n) => n.id === from);
  const shift = first ? inserted.position.y + NODE_HEIGHT + ROOM_BELOW - first.position.y : 0;
  if (!first || shift <= 0) return graph;
  const downstream = new Set<string>();
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (downstream.has(id) || keep.has(id)) continue;
    downstream.add(id);
    for (const e of graph.edges) if (e.source === id) queue.push(e.target);
  }
  return { ...graph, nodes: graph.nodes.map((n) => (downstream.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + shift } } : n)) };
}

/**
 * Puts a new node on an existing edge A→B: the edge now leads A→new (keeping its id and A's
 * output) and a new edge leads from new's first output to B; B and what follows it move down
 * when the new node would cover B. Returns undefined when the node
 * cannot sit in the middle of a path (a trigger takes no input, an exit has no output); the
 * caller then adds it unconnected.
 */
export function insertOnEdge(graph: FlowGraph, registry: NodeRegistry, edgeId: string, node: GraphNode, newEdgeId: string): FlowGraph | undefined {
  const edge = graph.edges.find((e) => e.id === edgeId);
  if (!edge) return undefined;
  if (registry.get(node.type)?.category === 'trigger') return undefined;
  const first = nodeOutputs(node, registry)[0];
  if (!first) return undefined;

  const onlyNext = first.id === 'next' && nodeOutputs(node, registry).length === 1;
  const incoming: GraphEdge = { ...edge, target: node.id };
  const outgoing: GraphEdge = { id: newEdgeId, source: node.id, ...(onlyNext ? {} : { sourceHandle: first.id }), target: edge.target };
  const inserted = {
    ...graph,
    nodes: [...graph.nodes, node],
    edges: graph.edges.flatMap((e) => (e === edge ? [incoming, outgoing] : [e])),
  };
  const source = graph.nodes.find((n) => n.id === edge.source);
  const target = graph.nodes.find((n) => n.id === edge.target);
  // Only a downward edge makes room; an edge looping back up leads to nodes that are in place.
  // And a loop further down must not push the source (and the new node) down as well.
  if (!source || !target || target.position.y <= source.position.y) return inserted;
  return makeRoom(inserted, node, edge.target, new Set([node.id, edge.source]));
}
