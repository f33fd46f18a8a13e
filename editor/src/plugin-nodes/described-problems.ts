import type { FlowGraph, Problem, ProblemCode } from '@nudgeflow/shared';
import type { NodeDescription } from '../api/types';

/** What the server's real definition decides about a config; the rest (edges, templates, reachability) stays local. */
const configCodes: ReadonlySet<ProblemCode> = new Set(['invalid-config', 'config-check', 'definition-error']);

/**
 * The validator's problems, with each answered custom-type node's config problems replaced by the
 * server's: the local schema is only a translation of the plugin's (through JSON Schema), and the
 * plugin's own checks run only on the server. Nodes still waiting for an answer keep the local ones.
 */
export function withDescribedProblems(problems: Problem[], graph: FlowGraph, describedOf: (node: FlowGraph['nodes'][number]) => NodeDescription | undefined): Problem[] {
  const answered = new Map<string, NodeDescription>();
  for (const node of graph.nodes) {
    const description = describedOf(node);
    if (description) answered.set(node.id, description);
  }
  if (answered.size === 0) return problems;
  const kept = problems.filter((p) => p.nodeId === undefined || !answered.has(p.nodeId) || !configCodes.has(p.code));
  const described = [...answered].flatMap(([nodeId, description]) =>
    description.problems.map(
      (p): Problem => ({
        severity: p.severity,
        // No summary: the config does not parse, as opposed to the type's own check refusing it.
        code: description.summary === undefined && p.severity === 'error' ? 'invalid-config' : 'config-check',
        message: p.message,
        nodeId,
        ...(p.field ? { field: p.field } : {}),
      }),
    ),
  );
  return [...kept, ...described];
}
