import type { FlowGraph, GraphEdge, GraphNode, NodeRegistry } from '@nudgeflow/shared';
import { nodeOutputs } from './node-outputs';
import type { Connection, ConnectionVerdict } from './types';

/** The output an edge leaves from: a missing sourceHandle means "next" (see the graph schema). */
export function edgeOutput(edge: GraphEdge): string {
  return edge.sourceHandle ?? 'next';
}

function nameOf(node: GraphNode, registry: NodeRegistry): string {
  return node.label ?? registry.get(node.type)?.title ?? node.type;
}

/** A connection the rules accept, with the output it leaves from resolved. */
export type ResolvedConnection = { ok: true; output: string; stored: Pick<GraphEdge, 'source' | 'sourceHandle' | 'target'> } | { ok: false; reason: string };

/**
 * The rules checked while a marketer drags a connection, so the canvas refuses what the
 * validator would report: one edge per output, nothing into a trigger, no loops onto itself.
 */
export function resolveConnection(graph: FlowGraph, registry: NodeRegistry, connection: Connection): ResolvedConnection {
  const source = graph.nodes.find((n) => n.id === connection.source);
  const target = graph.nodes.find((n) => n.id === connection.target);
  if (!source) return { ok: false, reason: `Node "${connection.source}" is not in this flow` };
  if (!target) return { ok: false, reason: `Node "${connection.target}" is not in this flow` };
  if (source.id === target.id) return { ok: false, reason: 'A node cannot connect to itself' };
  const sourceDef = registry.get(source.type);
  if (!sourceDef) return { ok: false, reason: `${nameOf(source, registry)} has an unknown type (${source.type}), so it cannot be connected` };
  if (registry.get(target.type)?.category === 'trigger')
    return { ok: false, reason: `${nameOf(target, registry)} is a trigger: it starts the flow, so nothing can lead into it` };

  const outputs = nodeOutputs(source, registry);
  if (outputs.length === 0) return { ok: false, reason: `${nameOf(source, registry)} ends the run, so nothing can follow it` };
  const handle = connection.sourceHandle ?? (outputs.length === 1 ? outputs[0]?.id : undefined);
  if (handle === undefined) return { ok: false, reason: `Choose one of the outputs of ${nameOf(source, registry)}: ${outputs.map((o) => o.label).join(', ')}` };
  const output = outputs.find((o) => o.id === handle);
  if (!output) return { ok: false, reason: `${nameOf(source, registry)} has no output "${handle}"` };

  const fromOutput = graph.edges.filter((e) => e.source === source.id && edgeOutput(e) === handle);
  if (fromOutput.some((e) => e.target === target.id)) return { ok: false, reason: 'These nodes are already connected' };
  if (fromOutput.length > 0)
    return {
      ok: false,
      reason: `The "${output.label}" output of ${nameOf(source, registry)} is already connected; a contact follows one path, so remove that connection first`,
    };

  // The graph format leaves out the handle when the type's only output is "next".
  const omit = handle === 'next' && outputs.length === 1;
  return { ok: true, output: handle, stored: { source: source.id, ...(omit ? {} : { sourceHandle: handle }), target: target.id } };
}

export function canConnect(graph: FlowGraph, registry: NodeRegistry, connection: Connection): ConnectionVerdict {
  const resolved = resolveConnection(graph, registry, connection);
  return resolved.ok ? { ok: true } : { ok: false, reason: resolved.reason };
}

/** The first output of a node that has no edge yet, in the node's output order. */
export function firstFreeOutput(graph: FlowGraph, registry: NodeRegistry, nodeId: string): string | undefined {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return undefined;
  const used = new Set(graph.edges.filter((e) => e.source === nodeId).map(edgeOutput));
  return nodeOutputs(node, registry).find((o) => !used.has(o.id))?.id;
}

/** `graph` with an edge from `from` (its first free output by default) to `target`, when the rules allow it. */
export function connectFrom(graph: FlowGraph, registry: NodeRegistry, from: { nodeId: string; sourceHandle?: string }, target: string, newId: (base: string) => string): FlowGraph {
  const sourceHandle = from.sourceHandle ?? firstFreeOutput(graph, registry, from.nodeId);
  if (sourceHandle === undefined) return graph;
  const resolved = resolveConnection(graph, registry, { source: from.nodeId, sourceHandle, target });
  return resolved.ok ? { ...graph, edges: [...graph.edges, { id: newId('e'), ...resolved.stored }] } : graph;
}
