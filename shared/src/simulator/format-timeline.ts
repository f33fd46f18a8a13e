import type { FlowGraph } from '../graph/schema';
import { compileFlow } from '../interpreter/compile-flow';
import { builtinRegistry } from '../nodes/index';
import type { NodeRegistry } from '../nodes/registry';
import { formatOffset } from '../time/duration';
import type { SimAction, SimStep, SimulationResult } from './types';

function quote(text: string | undefined): string {
  if (text === undefined) return '';
  return ` '${text.length > 60 ? `${text.slice(0, 59)}…` : text}'`;
}

function outcomeSuffix(action: SimAction): string {
  const reason = action.reason ? `: ${action.reason}` : '';
  if (action.status === 'sent' || action.status === 'done') return action.reason ? ` (${action.reason})` : '';
  return ` — ${action.status}${reason}`;
}

function describeAction(action: SimAction, label: string): string {
  if (!action.channel) return `${label}${action.body ? ` → ${action.body}` : ''}${outcomeSuffix(action)}`;
  const to = action.to ? ` to ${action.to}` : '';
  switch (action.channel) {
    case 'email':
      return `Email${to}${quote(action.subject)}${outcomeSuffix(action)}`;
    case 'internal':
      return `Notify ${action.to ?? ''}${quote(action.subject)}${outcomeSuffix(action)}`;
    case 'sms':
      return `SMS${to}${quote(action.body)}${outcomeSuffix(action)}`;
    case 'webhook':
      return `Webhook ${action.to ?? ''}${outcomeSuffix(action)}`;
    default: {
      const _exhaustive: never = action.channel;
      return label;
    }
  }
}

function describeStep(step: SimStep, label: string): string {
  if (step.outcome === 'waiting') return `${label}: waiting${step.detail ? ` ${step.detail}` : ''}`;
  return `${label}: ${step.outcome}${step.detail ? ` (${step.detail})` : ''}`;
}

/**
 * The simulation as lines a marketer reads top to bottom, e.g.
 * `+24h      sms1     SMS to +420777000111 'Your order 1001 is waiting'`. An effect's step
 * is shown as what it did (the action); other steps as the node's name and what happened.
 */
export function formatTimeline(result: SimulationResult, graph: FlowGraph, registry: NodeRegistry = builtinRegistry): string {
  const flow = compileFlow(graph, registry);
  const label = (nodeId: string): string => {
    const compiled = flow.nodes.get(nodeId);
    if (!compiled) return nodeId;
    if (compiled.node.label) return compiled.node.label;
    if (!compiled.ok) return compiled.node.type;
    try {
      return compiled.def.summary(compiled.config);
    } catch {
      return compiled.node.type;
    }
  };
  const width = Math.max(8, ...result.steps.map((s) => s.nodeId.length));
  const at = (seconds: number) => formatOffset(Math.round(seconds)).padEnd(9);
  const line = (seconds: number, nodeId: string, text: string) => `${at(seconds)} ${nodeId.padEnd(width)} ${text}`;

  const lines: string[] = [];
  let nextAction = 0;
  for (const step of result.steps) {
    const action = result.actions[nextAction];
    if (action && action.nodeId === step.nodeId && action.atSeconds === step.atSeconds && action.status === step.outcome) {
      lines.push(line(step.atSeconds, step.nodeId, describeAction(action, label(step.nodeId))));
      nextAction += 1;
    } else lines.push(line(step.atSeconds, step.nodeId, describeStep(step, label(step.nodeId))));
  }
  const { end } = result;
  lines.push(`${at(end.atSeconds)} end: ${end.reason}${end.nodeId ? ` at ${end.nodeId}` : ''}${end.detail ? ` (${end.detail})` : ''}`);
  return lines.join('\n');
}
