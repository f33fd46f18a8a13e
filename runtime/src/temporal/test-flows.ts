import type { FlowEvent, FlowGraph, GraphNode } from '@nudgeflow/shared';
import { flowSettingsSchema } from '@nudgeflow/shared';
import type { FlowRunInput } from '@nudgeflow/workflows/contract';
import { workflowIdFor } from './client';

/** Fixtures for the Temporal integration tests: small graphs, inputs and events. */

/** A flow day in 2.5 real seconds. */
export const DAY_IN_2_5_S = 86_400 / 2.5;

type NodeSpec = [id: string, type: string, config?: Record<string, unknown>];

/** Edges as "from->to" or "from:output->to". */
export function graphOf(name: string, nodes: NodeSpec[], edges: string[], settings: Record<string, unknown> = {}): FlowGraph {
  return {
    schemaVersion: 1,
    name,
    settings: flowSettingsSchema.parse(settings),
    nodes: nodes.map(([id, type, config]): GraphNode => ({ id, type, position: { x: 0, y: 0 }, config: config ?? {} })),
    edges: edges.map((text, i) => {
      const [from = '', target = ''] = text.split('->');
      const [source = '', sourceHandle] = from.split(':');
      return { id: `e${i}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) };
    }),
  };
}

/** order.created -> wait up to 24 h for order.paid -> on timeout, an SMS. */
export function paymentReminder(settings: Record<string, unknown> = {}): FlowGraph {
  return graphOf(
    'Payment reminder',
    [
      ['trigger', 'trigger.event', { event: 'order.created' }],
      ['wait_paid', 'wait.untilEvent', { event: 'order.paid', sameOrder: true, timeout: 'PT24H' }],
      ['sms', 'action.sendSms', { body: 'Order {{ order.number }} is still waiting for payment.', transactional: true }],
    ],
    ['trigger->wait_paid', 'wait_paid:timeout->sms'],
    { runPer: 'order', ...settings },
  );
}

export const contact = { id: 'c-1', firstName: 'Jana', phone: '+420777123456', tags: [], consent: { sms: true } };

let counter = 0;

/** A unique key per test run, so runs never share a workflow id. */
export function uniqueKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export function orderEvent(type: string, orderId: string, id = `${type}:${orderId}`): FlowEvent {
  return { id, type, occurredAt: new Date().toISOString(), contact: { id: contact.id }, order: { id: orderId, number: orderId.toUpperCase(), items: [] } };
}

export function flowInput(graph: FlowGraph, key: string, extra: Partial<FlowRunInput> = {}): FlowRunInput {
  const flowId = 'flow-test';
  return {
    run: { runId: `run-${key}`, workflowId: workflowIdFor(flowId, key), flowId, flowVersion: 1, contactId: contact.id },
    flow: { id: flowId, name: graph.name, version: 1, graph },
    contact,
    timeScale: DAY_IN_2_5_S,
    ...extra,
  };
}
