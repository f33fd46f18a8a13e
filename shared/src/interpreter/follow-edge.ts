import { edgeKey, type ReadyNode } from './compile-flow';
import { failAt, finish, type Turn } from './turn';

/** Leaves `node` through `output`: the next node's id, or undefined when the run ended here. */
export function followOutput(turn: Turn, node: ReadyNode, visit: number, output: string): string | undefined {
  if (!node.outputs.some((o) => o.id === output)) {
    const known = node.outputs.map((o) => `"${o.id}"`).join(', ') || 'none';
    failAt(turn, node, visit, `node "${node.node.id}" chose the output "${output}", which it does not have (it has ${known})`);
    return undefined;
  }
  const target = turn.flow.edges.get(edgeKey(node.node.id, output));
  if (target === undefined) {
    // An output nobody connected is a natural end of the flow.
    finish(turn, 'completed', node.node.id);
    return undefined;
  }
  return target;
}

/** The node's first output: where effects go on by default. */
export function firstOutput(node: ReadyNode): string {
  return node.outputs[0]?.id ?? 'next';
}
