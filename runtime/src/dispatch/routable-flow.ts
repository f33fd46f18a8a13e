import type { FlowGraph, FlowSettings } from '@nudgeflow/shared';
import { compileFlow } from '@nudgeflow/shared/interpreter';
import { builtinRegistry, type NodeBehavior } from '@nudgeflow/shared/nodes';
import { registryWithNodeTypes, type PortableNodeType } from '@nudgeflow/shared/plugins';
import type { FlowVersion } from '../db';

type BehaviorOf<K extends string> = Extract<NodeBehavior<Record<string, unknown>>, { kind: K }>;

/** A trigger node ready to be asked: its behavior and its parsed (migrated) config. */
export type RoutableTrigger =
  | { kind: 'eventTrigger'; nodeId: string; nodeType: string; config: Record<string, unknown>; behavior: BehaviorOf<'eventTrigger'> }
  | { kind: 'scheduleTrigger'; nodeId: string; nodeType: string; config: Record<string, unknown>; behavior: BehaviorOf<'scheduleTrigger'> };

/** A published flow version the dispatcher or the sweep can start runs of. */
export interface RoutableFlow {
  flowId: string;
  version: number;
  name: string;
  /** The pinned snapshot every run of this version executes. */
  graph: FlowGraph;
  /** The custom node types pinned with the version: its runs get them (FlowRunInput.flow.nodeTypes). */
  nodeTypes: PortableNodeType[];
  settings: FlowSettings;
  trigger: RoutableTrigger;
}

export type Compiled = { ok: true; flow: RoutableFlow } | { ok: false; problem: string };

/**
 * Reads a published version's trigger the way the interpreter will: config migrated and parsed
 * by its node definition (the built-ins and the version's pinned custom types, as the workflow
 * builds them: no plugin code needed), settings with their defaults. A version that cannot start
 * runs (no trigger, a bad config) is reported, not routed to.
 */
export function compileRoutable(version: Omit<FlowVersion, 'nodeTypes'> & { nodeTypes?: PortableNodeType[] }): Compiled {
  const nodeTypes = version.nodeTypes ?? [];
  const compiled = compileFlow(version.graph, registryWithNodeTypes(builtinRegistry, nodeTypes, { strict: false }));
  if (compiled.problem) return { ok: false, problem: compiled.problem };
  if (!compiled.trigger.ok) return { ok: false, problem: compiled.trigger.problem };
  const node = compiled.nodes.get(compiled.trigger.nodeId);
  if (!node) return { ok: false, problem: `the trigger node "${compiled.trigger.nodeId}" is missing` };
  if (!node.ok) return { ok: false, problem: node.problem };
  const common = { nodeId: node.node.id, nodeType: node.node.type, config: node.config };
  const { behavior } = node.def;
  const flow = { flowId: version.flowId, version: version.version, name: version.graph.name, graph: version.graph, nodeTypes, settings: compiled.settings };
  switch (behavior.kind) {
    case 'eventTrigger':
      return { ok: true, flow: { ...flow, trigger: { ...common, kind: 'eventTrigger', behavior } } };
    case 'scheduleTrigger':
      return { ok: true, flow: { ...flow, trigger: { ...common, kind: 'scheduleTrigger', behavior } } };
    case 'branch':
    case 'lookup':
    case 'wait':
    case 'effect':
    case 'exit':
      return { ok: false, problem: `the trigger node "${node.node.id}" (${node.node.type}) neither listens for events nor runs on a schedule` };
    default: {
      const unknown: never = behavior;
      return { ok: false, problem: `the trigger node "${node.node.id}" has an unknown behavior ${JSON.stringify(unknown)}` };
    }
  }
}
