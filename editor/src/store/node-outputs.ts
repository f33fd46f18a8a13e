import type { GraphNode, NodeOutput, NodeRegistry } from '@nudgeflow/shared';

export interface NodeConfigView {
  /** The config parsed by the type's schema (defaults applied), or undefined when it does not parse. */
  parsed: unknown;
  /** The node's outputs in their order; the type's default outputs when the config is invalid. */
  outputs: NodeOutput[];
}

// Keyed by the node object: nodes are immutable, so a node's view never goes stale, and the
// canvas and the connection rules share one parse per node version (500 nodes, many renders).
const cache = new WeakMap<GraphNode, NodeConfigView>();

function defaultOutputs(node: GraphNode, registry: NodeRegistry): NodeOutput[] {
  const def = registry.get(node.type);
  if (!def) return [];
  const parsed = def.configSchema.safeParse(def.defaults);
  return parsed.success ? def.outputs(parsed.data) : [];
}

export function nodeConfigView(node: GraphNode, registry: NodeRegistry): NodeConfigView {
  const cached = cache.get(node);
  if (cached) return cached;
  const def = registry.get(node.type);
  let view: NodeConfigView = { parsed: undefined, outputs: [] };
  if (def) {
    const parsed = def.configSchema.safeParse(node.config);
    view = parsed.success ? { parsed: parsed.data, outputs: def.outputs(parsed.data) } : { parsed: undefined, outputs: defaultOutputs(node, registry) };
  }
  cache.set(node, view);
  return view;
}

export function nodeOutputs(node: GraphNode, registry: NodeRegistry): NodeOutput[] {
  return nodeConfigView(node, registry).outputs;
}
