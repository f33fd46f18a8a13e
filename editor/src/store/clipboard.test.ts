import { describe, expect, it } from 'vitest';
import { FRAGMENT_KIND, fragmentFromText, fragmentToText } from './clipboard';
import { loadedStore, paymentReminder } from './test-fixtures';

describe('copy and paste', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const { store } = loadedStore();
    store.getState().select({ nodeIds: ['wait', 'sms', 'done'] });
    const fragment = store.getState().copySelection();
    expect(fragment?.nodes.map((n) => n.id)).toEqual(['wait', 'sms', 'done']);
    expect(fragment?.edges.map((e) => e.id)).toEqual(['e3', 'e4']);
  });

  it('copies nothing without selected nodes', () => {
    const { store } = loadedStore();
    store.getState().select({ edgeIds: ['e1'] });
    expect(store.getState().copySelection()).toBeUndefined();
  });

  it('pastes with fresh ids, remapped edges, offset positions, and selects the copy', () => {
    const original = paymentReminder();
    const { store } = loadedStore(original);
    store.getState().select({ nodeIds: ['wait', 'sms', 'done'] });
    const fragment = store.getState().copySelection();
    if (!fragment) throw new Error('nothing copied');
    store.getState().paste(fragment);

    const { graph, selection, past } = store.getState();
    expect(graph.nodes.slice(5).map((n) => [n.id, n.type, n.position])).toEqual([
      ['until_event_1', 'wait.untilEvent', { x: 40, y: 190 }],
      ['send_sms_1', 'action.sendSms', { x: 190, y: 340 }],
      ['exit_1', 'flow.exit', { x: 190, y: 490 }],
    ]);
    expect(graph.edges.slice(4)).toEqual([
      { id: 'e_1', source: 'until_event_1', sourceHandle: 'timeout', target: 'send_sms_1' },
      { id: 'e_2', source: 'send_sms_1', target: 'exit_1' },
    ]);
    expect(selection).toEqual({ nodeIds: ['until_event_1', 'send_sms_1', 'exit_1'], edgeIds: [] });
    expect(graph.nodes.slice(0, 5)).toEqual(original.nodes);
    expect(graph.edges.slice(0, 4)).toEqual(original.edges);
    expect(past).toEqual([original]);
  });

  it('drops edges that lead outside the pasted fragment', () => {
    const { store } = loadedStore();
    const source = paymentReminder();
    store.getState().paste({ nodes: source.nodes.filter((n) => n.id === 'sms'), edges: source.edges });
    expect(store.getState().graph.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(store.getState().graph.nodes.at(-1)?.id).toBe('send_sms_1');
  });

  it('places the fragment’s top-left corner at a given point', () => {
    const { store } = loadedStore();
    const source = paymentReminder();
    store.getState().paste({ nodes: source.nodes.filter((n) => n.id === 'paid' || n.id === 'done'), edges: [] }, { x: 1000, y: 2000 });
    expect(store.getState().graph.nodes.slice(5).map((n) => [n.id, n.position])).toEqual([
      ['exit_1', { x: 1000, y: 2000 }],
      ['exit_2', { x: 1300, y: 2150 }],
    ]);
  });

  it('gives a second paste its own ids', () => {
    const { store } = loadedStore();
    store.getState().select({ nodeIds: ['sms'] });
    const fragment = store.getState().copySelection();
    if (!fragment) throw new Error('nothing copied');
    store.getState().paste(fragment);
    store.getState().paste(fragment);
    expect(store.getState().graph.nodes.slice(5).map((n) => n.id)).toEqual(['send_sms_1', 'send_sms_2']);
  });
});

describe('clipboard text', () => {
  it('round-trips a fragment', () => {
    const graph = paymentReminder();
    const fragment = { nodes: graph.nodes.slice(1, 3), edges: graph.edges.slice(1, 2) };
    const text = fragmentToText(fragment);
    expect(JSON.parse(text).kind).toBe(FRAGMENT_KIND);
    expect(fragmentFromText(text)).toEqual(fragment);
  });

  it.each([
    ['plain text', 'hello'],
    ['a whole flow', JSON.stringify(paymentReminder())],
    ['a fragment with a broken node', JSON.stringify({ kind: FRAGMENT_KIND, nodes: [{ id: 'a b', type: 'x', position: { x: 0, y: 0 } }], edges: [] })],
    ['an empty fragment', JSON.stringify({ kind: FRAGMENT_KIND, nodes: [], edges: [] })],
  ])('ignores %s', (_name, text) => {
    expect(fragmentFromText(text)).toBeUndefined();
  });
});
