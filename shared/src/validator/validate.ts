import { builtinRegistry } from '../nodes/index';
import type { NodeRegistry } from '../nodes/registry';
import { readDocument } from './document';
import { checkEdges } from './edge-checks';
import { checkNode, checkNodeRefs, type NodeInfo } from './node-checks';
import type { Problem, ValidationResult } from './problems';
import { checkStructure } from './structure';
import { checkWarnings } from './warnings';

/**
 * Checks a flow document completely and reports every problem at once: its shape, each node
 * (type, version, config, templates, references), the edges and the graph as a whole.
 */
export function validate(input: unknown, registry: NodeRegistry = builtinRegistry): ValidationResult {
  const document = readDocument(input);
  if (!document.readable) return { ok: false, problems: document.problems };
  const problems: Problem[] = [...document.problems];
  // Nodes with unique ids, in document order: what the edge and graph checks look at.
  const nodes: NodeInfo[] = [];
  const byId = new Map<string, NodeInfo>();
  for (const read of document.nodes) {
    const checked = checkNode(read, registry);
    problems.push(...checked.problems);
    const { id } = read.node;
    if (byId.has(id)) {
      problems.push({ severity: 'error', code: 'duplicate-node-id', nodeId: id, message: `another node already has the id "${id}"; node ids must be unique` });
      continue;
    }
    byId.set(id, checked.info);
    nodes.push(checked.info);
  }
  for (const info of nodes) problems.push(...checkNodeRefs(info, byId));
  problems.push(...checkEdges(document.edges, byId), ...checkStructure(nodes, document.edges), ...checkWarnings(nodes, document.edges, document.settings));
  return {
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    ...(document.graph ? { graph: document.graph } : {}),
  };
}
