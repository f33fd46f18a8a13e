import { describe, expect, it } from 'vitest';
import { edge, graphOf, loadedStore, node } from './test-fixtures';

/** A trigger wired to a condition whose "yes" is taken; everything else is free. */
function looseGraph() {
  return graphOf(
    [
      node('trigger', 'trigger.event'),
      node('check', 'condition.rules'),
      node('sms', 'action.sendSms'),
      node('tag', 'action.tag'),
      node('code', 'action.assignCode'),
      node('exit', 'flow.exit'),
      node('ghost', 'acme.unknown'),
    ],
    [edge('e1', 'trigger', 'check'), edge('e2', 'check', 'sms', 'yes')],
  );
}

describe('canConnect', () => {
  const cases: [string, { source: string; sourceHandle?: string | null; target: string }, { ok: true } | { ok: false; reason: string }][] = [
    ['a free output to a free node', { source: 'check', sourceHandle: 'no', target: 'tag' }, { ok: true }],
    ['the only output without naming it', { source: 'sms', sourceHandle: null, target: 'exit' }, { ok: true }],
    [
      'an output that already has an edge',
      { source: 'check', sourceHandle: 'yes', target: 'tag' },
      { ok: false, reason: 'The "Yes" output of Check rules is already connected; a contact follows one path, so remove that connection first' },
    ],
    ['the same edge twice', { source: 'check', sourceHandle: 'yes', target: 'sms' }, { ok: false, reason: 'These nodes are already connected' }],
    ['the only output again under its implicit name', { source: 'trigger', target: 'check' }, { ok: false, reason: 'These nodes are already connected' }],
    [
      'anything into a trigger',
      { source: 'sms', target: 'trigger' },
      { ok: false, reason: 'When an event happens is a trigger: it starts the flow, so nothing can lead into it' },
    ],
    ['a node to itself', { source: 'tag', target: 'tag' }, { ok: false, reason: 'A node cannot connect to itself' }],
    ['an output the type does not have', { source: 'check', sourceHandle: 'maybe', target: 'tag' }, { ok: false, reason: 'Check rules has no output "maybe"' }],
    ['out of an exit', { source: 'exit', target: 'tag' }, { ok: false, reason: 'Exit ends the run, so nothing can follow it' }],
    [
      'a multi-output node without naming the output',
      { source: 'code', target: 'tag' },
      { ok: false, reason: 'Choose one of the outputs of Assign a code: Next, No codes left' },
    ],
    [
      'out of a node of unknown type',
      { source: 'ghost', target: 'tag' },
      { ok: false, reason: 'acme.unknown has an unknown type (acme.unknown), so it cannot be connected' },
    ],
    ['from a node that does not exist', { source: 'nope', target: 'tag' }, { ok: false, reason: 'Node "nope" is not in this flow' }],
    ['to a node that does not exist', { source: 'tag', target: 'nope' }, { ok: false, reason: 'Node "nope" is not in this flow' }],
  ];

  it.each(cases)('%s', (_name, connection, verdict) => {
    const { store } = loadedStore(looseGraph());
    expect(store.getState().canConnect(connection)).toEqual(verdict);
  });

  it('names the node by its label when it has one', () => {
    const graph = looseGraph();
    const { store } = loadedStore({ ...graph, nodes: graph.nodes.map((n) => (n.id === 'exit' ? { ...n, label: 'Done' } : n)) });
    expect(store.getState().canConnect({ source: 'exit', target: 'tag' })).toEqual({ ok: false, reason: 'Done ends the run, so nothing can follow it' });
  });
});

describe('connect', () => {
  it('stores an edge from the only "next" output without a sourceHandle', () => {
    const { store } = loadedStore(looseGraph());
    expect(store.getState().connect({ source: 'sms', sourceHandle: 'next', target: 'exit' })).toEqual({ ok: true });
    expect(store.getState().graph.edges.at(-1)).toEqual({ id: 'e_1', source: 'sms', target: 'exit' });
    expect(store.getState().past).toHaveLength(1);
  });

  it('keeps the sourceHandle when "next" is one of several outputs', () => {
    const { store } = loadedStore(looseGraph());
    store.getState().connect({ source: 'code', sourceHandle: 'next', target: 'tag' });
    store.getState().connect({ source: 'check', sourceHandle: 'no', target: 'exit' });
    expect(store.getState().graph.edges.slice(2)).toEqual([
      { id: 'e_1', source: 'code', sourceHandle: 'next', target: 'tag' },
      { id: 'e_2', source: 'check', sourceHandle: 'no', target: 'exit' },
    ]);
  });

  it('leaves the graph alone when the rules refuse', () => {
    const { store } = loadedStore(looseGraph());
    const before = store.getState().graph;
    expect(store.getState().connect({ source: 'tag', target: 'trigger' }).ok).toBe(false);
    expect(store.getState().graph).toBe(before);
    expect(store.getState().past).toEqual([]);
  });

  it('removes edges and drops them from the selection', () => {
    const { store } = loadedStore(looseGraph());
    store.getState().select({ edgeIds: ['e1', 'e2'] });
    store.getState().removeEdges(['e2']);
    expect(store.getState().graph.edges.map((e) => e.id)).toEqual(['e1']);
    expect(store.getState().selection).toEqual({ nodeIds: [], edgeIds: ['e1'] });
  });
});
