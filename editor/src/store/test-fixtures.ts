import { builtinRegistry, type FlowGraph, type GraphEdge, type GraphNode } from '@nudgeflow/shared';
import { createFlowStore, emptyGraph, type FlowStoreOptions } from './create-flow-store';

export const registry = builtinRegistry;

export function node(id: string, type: string, x = 0, y = 0, config?: Record<string, unknown>): GraphNode {
  const def = registry.get(type);
  return { id, type, position: { x, y }, config: structuredClone(config ?? (def?.defaults as Record<string, unknown>) ?? {}) };
}

export function edge(id: string, source: string, target: string, sourceHandle?: string): GraphEdge {
  return { id, source, target, ...(sourceHandle ? { sourceHandle } : {}) };
}

export function graphOf(nodes: GraphNode[], edges: GraphEdge[] = []): FlowGraph {
  return { ...emptyGraph(), name: 'Payment reminder', nodes, edges };
}

/**
 * Order created → wait up to 24 h for payment: paid → exit, timed out → SMS → exit.
 * A valid flow with single- and multi-output nodes and a trigger.
 */
export function paymentReminder(): FlowGraph {
  return graphOf(
    [
      node('trigger', 'trigger.event', 0, 0, { event: 'order.created' }),
      node('wait', 'wait.untilEvent', 0, 150),
      node('paid', 'flow.exit', -150, 300, { reason: 'paid' }),
      node('sms', 'action.sendSms', 150, 300),
      node('done', 'flow.exit', 150, 450),
    ],
    [edge('e1', 'trigger', 'wait'), edge('e2', 'wait', 'paid', 'event'), edge('e3', 'wait', 'sms', 'timeout'), edge('e4', 'sms', 'done')],
  );
}

/** A store loaded with `graph` and a clock the test moves by hand. */
export function loadedStore(graph: FlowGraph = paymentReminder(), options: FlowStoreOptions = {}) {
  const clock = { now: 1_000_000 };
  const store = createFlowStore(registry, { now: () => clock.now, ...options });
  store.getState().load('flow-1', graph);
  return { store, clock };
}
