import type { FlowGraph, Problem } from '@nudgeflow/shared';
import type { NodeTypeInfo } from '../api/types';
import type { Selection } from '../store/types';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 errors, 1 warning", or "No problems". */
export function problemCountText(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'No problems';
  return [errors ? plural(errors, 'error', 'errors') : '', warnings ? plural(warnings, 'warning', 'warnings') : ''].filter(Boolean).join(', ');
}

function nodeName(graph: FlowGraph, id: string, types: readonly NodeTypeInfo[]): string {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) return `node ${id}`;
  const title = types.find((t) => t.type === node.type)?.title ?? node.type;
  return node.label ? `${node.label} (${title})` : `${title} (${node.id})`;
}

/** Where a problem is, in words: the node's label and type, the connection's ends, or the flow. */
export function problemPlace(problem: Problem, graph: FlowGraph, types: readonly NodeTypeInfo[]): string {
  const line = problem.line !== undefined ? `, line ${problem.line}` : '';
  if (problem.nodeId !== undefined) return `${nodeName(graph, problem.nodeId, types)}${line}`;
  if (problem.edgeId !== undefined) {
    const edge = graph.edges.find((e) => e.id === problem.edgeId);
    return edge ? `Connection ${nodeName(graph, edge.source, types)} → ${nodeName(graph, edge.target, types)}` : `Connection ${problem.edgeId}`;
  }
  return problem.field?.startsWith('settings.') ? 'Flow settings' : 'Flow';
}

/** What a click on a problem selects, and the nodes the view centres on. */
export function problemTarget(problem: Problem, graph: FlowGraph): { selection: Selection; nodeIds: string[] } {
  if (problem.nodeId !== undefined && graph.nodes.some((n) => n.id === problem.nodeId)) return { selection: { nodeIds: [problem.nodeId], edgeIds: [] }, nodeIds: [problem.nodeId] };
  const edge = problem.edgeId === undefined ? undefined : graph.edges.find((e) => e.id === problem.edgeId);
  if (edge) {
    const ends = [edge.source, edge.target].filter((id) => graph.nodes.some((n) => n.id === id));
    return { selection: { nodeIds: [], edgeIds: [edge.id] }, nodeIds: ends };
  }
  // About the flow as a whole: nothing selected shows the flow settings.
  return { selection: { nodeIds: [], edgeIds: [] }, nodeIds: [] };
}
