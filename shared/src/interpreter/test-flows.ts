import type { Contact } from '../data/contact';
import type { FlowEvent } from '../data/event';
import type { FlowGraph } from '../graph/schema';
import { flowSettingsSchema } from '../graph/settings';
import { builtinRegistry } from '../nodes/index';
import type { NodeRegistry } from '../nodes/registry';
import type { FlowRef } from './compile-flow';
import type { Advance, Input } from './types';
import { advanceRun } from './advance-run';

/** Builders for interpreter and simulator tests: small graphs written as data. */

export type NodeSpec = [id: string, type: string, config?: Record<string, unknown>];

/** Edges as "from->to" or "from:output->to". */
export function graphOf(nodes: NodeSpec[], edges: string[], settings: Record<string, unknown> = {}): FlowGraph {
  return {
    schemaVersion: 1,
    name: 'Test flow',
    settings: flowSettingsSchema.parse(settings),
    nodes: nodes.map(([id, type, config]) => ({ id, type, position: { x: 0, y: 0 }, config: config ?? {} })),
    edges: edges.map((text, i) => {
      const [from = '', target = ''] = text.split('->');
      const [source = '', sourceHandle] = from.split(':');
      return { id: `e${i}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) };
    }),
  };
}

export function refOf(graph: FlowGraph, registry: NodeRegistry = builtinRegistry): FlowRef {
  return { graph, registry, flow: { id: 'flow-1', name: graph.name } };
}

export const contact: Contact = {
  id: 'c1',
  firstName: 'Eva',
  email: 'eva@example.com',
  phone: '+420777000111',
  timezone: 'Europe/Prague',
  tags: [],
  consent: { email: true, sms: true },
};

export const order = { id: 'o1', number: '1001', total: 990, currency: 'CZK', paymentMethod: 'transfer', items: [{ sku: 'TEA', quantity: 1 }] };

export function at(iso: string): Date {
  return new Date(iso);
}

export function eventOf(type: string, occurredAt: string, extra: Partial<FlowEvent> = {}): FlowEvent {
  return { id: `${type}@${occurredAt}`, type, occurredAt, contact: { id: contact.id }, ...extra };
}

/** Feeds inputs one after another, each at its own time. */
export function feed(ref: FlowRef, start: Advance, inputs: [Input, string][]): Advance[] {
  const out: Advance[] = [];
  let state = start.state;
  for (const [input, when] of inputs) {
    const next = advanceRun(ref, state, input, new Date(when));
    out.push(next);
    state = next.state;
  }
  return out;
}
