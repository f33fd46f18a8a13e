import type { FlowGraph } from '../graph/schema';
import { builtinRegistry } from '../nodes/index';
import type { NodeRegistry } from '../nodes/registry';
import type { Problem } from './problems';

function place(p: Problem, graph?: FlowGraph): string {
  if (p.edgeId !== undefined) {
    const edge = graph?.edges.find((e) => e.id === p.edgeId);
    return edge ? `edge ${p.edgeId} (${edge.source} → ${edge.target})` : `edge ${p.edgeId}`;
  }
  if (p.nodeId !== undefined) {
    const node = graph?.nodes.find((n) => n.id === p.nodeId);
    return node ? `node ${p.nodeId} (${node.type})` : `node ${p.nodeId}`;
  }
  return 'flow';
}

/**
 * One line for a terminal:
 * `error  node sms1 (action.sendSms) › body, line 2, col 5: unknown variable "contact.frstName" (…)`.
 */
export function formatProblem(p: Problem, graph?: FlowGraph): string {
  const severity = p.severity === 'error' ? 'error  ' : 'warning ';
  const field = p.field ? ` › ${p.field}` : '';
  const line = p.line !== undefined ? `, line ${p.line}` : '';
  const column = p.column !== undefined ? `, col ${p.column}` : '';
  return `${severity}${place(p, graph)}${field}${line}${column}: ${p.message}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describeTrigger(graph: FlowGraph, registry: NodeRegistry): string {
  const triggers = graph.nodes.flatMap((node) => {
    const def = registry.get(node.type);
    return def?.category === 'trigger' ? [{ node, def }] : [];
  });
  const [first] = triggers;
  if (!first) return 'no trigger';
  if (triggers.length > 1) return `${triggers.length} triggers`;
  const parsed = first.def.configSchema.safeParse(first.node.config);
  if (!parsed.success) return `trigger ${first.node.type} (invalid)`;
  try {
    const { behavior } = first.def;
    if (behavior.kind === 'eventTrigger') return `trigger ${behavior.eventType(parsed.data)}`;
    // Summaries are canvas titles ("When not ordered for 90 days"); mid-sentence they start lower-case.
    return `trigger ${first.def.summary(parsed.data).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}`;
  } catch {
    return `trigger ${first.node.type}`;
  }
}

/** One line for `nudgeflow validate`: "Payment reminder: 7 nodes, 7 edges, trigger order.created". */
export function summarizeGraph(graph: FlowGraph, registry: NodeRegistry = builtinRegistry): string {
  return `${graph.name}: ${count(graph.nodes.length, 'node', 'nodes')}, ${count(graph.edges.length, 'edge', 'edges')}, ${describeTrigger(graph, registry)}`;
}
