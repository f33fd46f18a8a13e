import type { z } from 'zod';
import type { FlowGraph, GraphNode } from '../graph/schema';
import { flowSettingsSchema, type FlowSettings } from '../graph/settings';
import { migrateConfig } from '../nodes/migrate';
import type { NodeRegistry } from '../nodes/registry';
import type { AnyNodeDefinition, MessageTraits, NodeOutput } from '../nodes/types';

/** What a run needs to know about its flow. Not part of the run state: the shell holds it. */
export interface FlowRef {
  graph: FlowGraph;
  registry: NodeRegistry;
  flow: { id: string; name: string; version?: number };
  /**
   * Behaviour that changed after runs were recorded: the workflow turns a change off for runs that
   * began before it (patched()), so their histories replay; everything else gets today's.
   */
  legacy?: {
    /** Before waits held their timeout for the next node's send window (see wait-node.ts). */
    timeoutIgnoresSendWindow?: boolean;
  };
}

/** A node with its config migrated and parsed, or the reason it cannot run. */
export type CompiledNode =
  | {
      ok: true;
      node: GraphNode;
      def: AnyNodeDefinition;
      config: Record<string, unknown>;
      outputs: NodeOutput[];
      /** Set for message effects; decides whether send windows and caps apply. */
      message?: MessageTraits;
    }
  /** `def` is known unless the type is unknown. */
  | { ok: false; node: GraphNode; def?: AnyNodeDefinition; problem: string };

export type ReadyNode = Extract<CompiledNode, { ok: true }>;

export interface CompiledFlow {
  nodes: Map<string, CompiledNode>;
  /** Target node by `source` + NUL + output id. */
  edges: Map<string, string>;
  settings: FlowSettings;
  /** The trigger node's id, or why the flow cannot start. */
  trigger: { ok: true; nodeId: string } | { ok: false; problem: string };
  /** Set when the flow as a whole is unusable (invalid settings). */
  problem?: string;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

function nodeName(node: GraphNode): string {
  return `node "${node.id}" (${node.type})`;
}

function compileNode(node: GraphNode, registry: NodeRegistry): CompiledNode {
  const def = registry.get(node.type);
  if (!def) return { ok: false, node, problem: `node "${node.id}" has the unknown type "${node.type}"` };
  try {
    const migrated = migrateConfig(def, node.config ?? {}, node.version ?? 1);
    const parsed = def.configSchema.safeParse(migrated);
    if (!parsed.success) return { ok: false, node, def, problem: `${nodeName(node)} has an invalid config: ${describeIssues(parsed.error)}` };
    const config = parsed.data as Record<string, unknown>;
    const outputs = def.outputs(config);
    const message = def.behavior.kind === 'effect' ? def.behavior.message?.(config) : undefined;
    return { ok: true, node, def, config, outputs, ...(message ? { message } : {}) };
  } catch (error) {
    // A migration or a plugin's callback that throws must fail the run, not the workflow.
    return { ok: false, node, def, problem: `${nodeName(node)} cannot be prepared: ${errorText(error)}` };
  }
}

export function edgeKey(source: string, output: string): string {
  return `${source}\u0000${output}`;
}

function findTrigger(nodes: Map<string, CompiledNode>): CompiledFlow['trigger'] {
  const triggers = [...nodes.values()].filter((n) => n.def?.category === 'trigger').map((n) => n.node.id);
  if (triggers.length === 1) return { ok: true, nodeId: triggers[0] as string };
  if (triggers.length === 0) return { ok: false, problem: 'the flow has no trigger node' };
  return { ok: false, problem: `the flow has ${triggers.length} trigger nodes (${triggers.join(', ')}); it needs exactly one` };
}

function compile(graph: FlowGraph, registry: NodeRegistry): CompiledFlow {
  const nodes = new Map<string, CompiledNode>();
  for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, compileNode(node, registry));
  const edges = new Map<string, string>();
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    // An edge without a handle leaves from the only ("next") output.
    const output = edge.sourceHandle ?? (source?.ok ? (source.outputs[0]?.id ?? 'next') : 'next');
    const key = edgeKey(edge.source, output);
    if (!edges.has(key)) edges.set(key, edge.target);
  }
  const settings = flowSettingsSchema.safeParse(graph.settings ?? {});
  return {
    nodes,
    edges,
    settings: settings.success ? settings.data : flowSettingsSchema.parse({}),
    trigger: findTrigger(nodes),
    ...(settings.success ? {} : { problem: `the flow settings are invalid: ${describeIssues(settings.error)}` }),
  };
}

const cache = new WeakMap<FlowGraph, WeakMap<NodeRegistry, CompiledFlow>>();

/** Parses every config once per graph object and registry; runs and simulations reuse it. */
export function compileFlow(graph: FlowGraph, registry: NodeRegistry): CompiledFlow {
  let byRegistry = cache.get(graph);
  if (!byRegistry) {
    byRegistry = new WeakMap();
    cache.set(graph, byRegistry);
  }
  let compiled = byRegistry.get(registry);
  if (!compiled) {
    compiled = compile(graph, registry);
    byRegistry.set(registry, compiled);
  }
  return compiled;
}
