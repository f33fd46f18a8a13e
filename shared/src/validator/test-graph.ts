import type { FlowGraphInput } from '../graph/schema';
import type { Problem } from './problems';

/** Builders for validator tests: small graphs written as data. */

export type NodeSpec = [id: string, type: string, config?: Record<string, unknown>];

/** Edges as "from->to" or "from:output->to"; ids e1, e2, … in order. */
export function graphOf(nodes: NodeSpec[], edges: string[], extra: Partial<FlowGraphInput> = {}): FlowGraphInput {
  return {
    schemaVersion: 1,
    name: 'Payment reminder',
    nodes: nodes.map(([id, type, config]) => ({ id, type, position: { x: 0, y: 0 }, config: config ?? {} })),
    edges: edges.map((text, i) => {
      const [from = '', target = ''] = text.split('->');
      const [source = '', sourceHandle] = from.split(':');
      return { id: `e${i + 1}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) };
    }),
    ...extra,
  };
}

/** A valid flow: wait a day for payment after a bank-transfer order, then remind by SMS. */
export const reminderNodes: NodeSpec[] = [
  ['t', 'trigger.event', { event: 'order.created' }],
  ['c', 'condition.rules', { rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'transfer' }] }],
  ['w', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }],
  ['s', 'action.sendSms', { body: 'Hi {{ contact.firstName }}, order {{ order.number }} is still unpaid.' }],
  ['x', 'flow.exit', { reason: 'paid' }],
];
export const reminderEdges = ['t->c', 'c:yes->w', 'w:timeout->s', 'w:event->x'];

export function reminder(extra: Partial<FlowGraphInput> = {}): FlowGraphInput {
  return graphOf(reminderNodes, reminderEdges, extra);
}

/** The same flow with one node's spec replaced. */
export function reminderWith(id: string, spec: Partial<{ type: string; config: Record<string, unknown> }>, edges = reminderEdges): FlowGraphInput {
  const nodes = reminderNodes.map((node): NodeSpec => (node[0] === id ? [id, spec.type ?? node[1], spec.config ?? node[2]] : node));
  return graphOf(nodes, edges);
}

/** Problems without their messages, for exact comparison. */
export function placesOf(problems: Problem[]): Omit<Problem, 'message'>[] {
  return problems.map(({ message: _message, ...place }) => place);
}
