import type { FlowGraph, GraphNode, Problem } from '@nudgeflow/shared';

/*
 * Lookups shared by all node components. Built once per graph (or problem list) and kept by
 * identity, so 500 nodes each selecting "my node" cost one map, not 500 scans.
 */

const nodesById = new WeakMap<GraphNode[], Map<string, GraphNode>>();

export function nodeById(graph: FlowGraph, id: string): GraphNode | undefined {
  let index = nodesById.get(graph.nodes);
  if (!index) {
    index = new Map(graph.nodes.map((n) => [n.id, n]));
    nodesById.set(graph.nodes, index);
  }
  return index.get(id);
}

export interface ProblemCount {
  errors: number;
  warnings: number;
}

const countsByProblems = new WeakMap<Problem[], Map<string, ProblemCount>>();

export function problemCount(problems: Problem[], nodeId: string): ProblemCount | undefined {
  let counts = countsByProblems.get(problems);
  if (!counts) {
    counts = new Map();
    for (const p of problems) {
      if (p.nodeId === undefined) continue;
      const count = counts.get(p.nodeId) ?? { errors: 0, warnings: 0 };
      counts.set(p.nodeId, p.severity === 'error' ? { ...count, errors: count.errors + 1 } : { ...count, warnings: count.warnings + 1 });
    }
    countsByProblems.set(problems, counts);
  }
  return counts.get(nodeId);
}
