import { validate, type FlowGraph, type NodeRegistry, type Problem } from '@nudgeflow/shared';

/** The shared validator's verdict on the draft: the same one the server gives at publish. */
export function graphProblems(graph: FlowGraph, registry: NodeRegistry): Problem[] {
  return validate(graph, registry).problems;
}
