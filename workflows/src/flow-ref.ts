import type { FlowRef } from '@nudgeflow/shared/interpreter';
import { builtinRegistry } from '@nudgeflow/shared/nodes';
import { registryWithNodeTypes } from '@nudgeflow/shared/plugins';
import type { FlowRunInput } from './contract';

/**
 * The pinned flow as the interpreter reads it: the built-in types plus the plugin types pinned at
 * publish, whose code is not here (the worker runs it). Without pinned types the registry is
 * builtinRegistry itself, so runs recorded before plugins replay exactly as they ran.
 */
export function flowRefOf(flow: FlowRunInput['flow']): FlowRef {
  return {
    graph: flow.graph,
    registry: registryWithNodeTypes(builtinRegistry, flow.nodeTypes, { strict: false }),
    flow: { id: flow.id, name: flow.name, version: flow.version },
  };
}
