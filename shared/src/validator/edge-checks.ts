import type { GraphEdge } from '../graph/schema';
import type { NodeInfo } from './node-checks';
import type { Problem, ProblemCode } from './problems';
import { didYouMean } from './suggest';

function describeNode(info: NodeInfo): string {
  return `node ${info.node.id} (${info.node.type})`;
}

/**
 * Edges: ids, ends that exist, outputs that exist and are used once, nothing into a trigger
 * or out of a node that ends the run.
 */
export function checkEdges(edges: readonly GraphEdge[], byId: ReadonlyMap<string, NodeInfo>): Problem[] {
  const problems: Problem[] = [];
  const edgeIds = new Set<string>();
  // First edge leaving each source output ("c1\0yes").
  const wired = new Map<string, GraphEdge>();

  for (const edge of edges) {
    const at = edge.id === '' ? {} : { edgeId: edge.id };
    const add = (code: ProblemCode, message: string, extra: Partial<Problem> = {}): void => {
      problems.push({ severity: 'error', code, message, ...at, ...extra });
    };
    if (edge.id !== '') {
      if (edgeIds.has(edge.id)) add('duplicate-edge-id', `another edge already has the id "${edge.id}"; edge ids must be unique`);
      edgeIds.add(edge.id);
    }
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source) add('dangling-edge', `starts at node "${edge.source}", which is not in this flow`, { field: 'source' });
    if (!target) add('dangling-edge', `leads to node "${edge.target}", which is not in this flow`, { field: 'target' });
    if (target?.def?.category === 'trigger')
      add('edge-into-trigger', `leads into the trigger ${target.node.id}; a trigger starts the flow and cannot follow another node`, { nodeId: target.node.id });
    if (!source) continue;

    const handle = edge.sourceHandle ?? 'next';
    const outputs = source.outputs;
    const fromSource = { nodeId: source.node.id, field: 'sourceHandle' };
    if (outputs && outputs.length === 0) {
      add('edge-from-end', `${describeNode(source)} ends the run, so nothing can follow it; remove this edge`, { nodeId: source.node.id });
      continue;
    }
    if (outputs && !outputs.some((o) => o.id === handle)) {
      const ids = outputs.map((o) => o.id);
      if (edge.sourceHandle === undefined) add('missing-output', `leaves ${describeNode(source)} without naming an output; choose one of ${ids.join(', ')}`, fromSource);
      else add('unknown-output', `${describeNode(source)} has no output "${handle}"${didYouMean(handle, ids)}; its outputs are ${ids.join(', ')}`, fromSource);
      continue;
    }

    const key = `${edge.source}\0${handle}`;
    const first = wired.get(key);
    if (!first) wired.set(key, edge);
    else if (first.target === edge.target) add('duplicate-edge', `repeats edge ${first.id} (${edge.source} ${handle} → ${edge.target}); remove one of them`, { nodeId: source.node.id });
    else
      add('output-reused', `output '${handle}' of node ${edge.source} is connected twice (edges ${first.id} and ${edge.id}); a run follows only one path, so remove one`, {
        nodeId: source.node.id,
      });
  }
  return problems;
}
