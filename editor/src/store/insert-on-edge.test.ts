import { describe, expect, it } from 'vitest';
import { loadedStore, paymentReminder } from './test-fixtures';

describe('adding a node onto an edge', () => {
  it('puts it between the edge’s ends, keeping the source output', () => {
    const original = paymentReminder();
    const { store } = loadedStore(original);
    const id = store.getState().addNode('wait.delay', { x: 150, y: 220 }, { onEdgeId: 'e3' });
    expect(id).toBe('delay_1');
    const { graph, problems, selection, past } = store.getState();
    expect(graph.edges).toEqual([
      { id: 'e1', source: 'trigger', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'event', target: 'paid' },
      { id: 'e3', source: 'wait', sourceHandle: 'timeout', target: 'delay_1' },
      { id: 'e_1', source: 'delay_1', target: 'sms' },
      { id: 'e4', source: 'sms', target: 'done' },
    ]);
    expect(graph.nodes.at(-1)).toEqual({ id: 'delay_1', type: 'wait.delay', position: { x: 150, y: 220 }, config: { duration: 'PT24H' } });
    expect(problems).toEqual([]);
    // The SMS (y 300) and the exit after it move down to make room below the new node (y 220 + 100 + 60).
    expect(graph.nodes.map((n) => [n.id, n.position.y])).toEqual([
      ['trigger', 0],
      ['wait', 150],
      ['paid', 300],
      ['sms', 380],
      ['done', 530],
      ['delay_1', 220],
    ]);
    expect(selection).toEqual({ nodeIds: ['delay_1'], edgeIds: [] });
    expect(past).toEqual([original]);
  });

  it('moves only what follows a downward edge, never the nodes before it on a loop', () => {
    const original = paymentReminder();
    const looped = { ...original, edges: [...original.edges.filter((e) => e.id !== 'e4'), { id: 'back', source: 'sms', target: 'wait' }] };
    const { store } = loadedStore(looped);
    store.getState().addNode('action.tag', { x: 0, y: 60 }, { onEdgeId: 'e1' });
    // The tag ends at 160, plus 60 room: the wait (150) moves to 220, the nodes behind it follow; the trigger stays.
    expect(store.getState().graph.nodes.map((n) => [n.id, n.position.y])).toEqual([
      ['trigger', 0],
      ['wait', 220],
      ['paid', 370],
      ['sms', 370],
      ['done', 450],
      ['tag_1', 60],
    ]);
    store.getState().addNode('action.tag', { x: 0, y: 500 }, { onEdgeId: 'back' });
    expect(store.getState().graph.nodes.find((n) => n.id === 'wait')?.position.y).toBe(220);
  });

  it('leaves from the inserted node’s first output when it has several', () => {
    const { store } = loadedStore();
    store.getState().addNode('condition.rules', { x: 0, y: 80 }, { onEdgeId: 'e1' });
    expect(store.getState().graph.edges.slice(0, 2)).toEqual([
      { id: 'e1', source: 'trigger', target: 'rules_1' },
      { id: 'e_1', source: 'rules_1', sourceHandle: 'yes', target: 'wait' },
    ]);
  });

  it.each([
    ['a trigger', 'trigger.date'],
    ['an exit', 'flow.exit'],
  ])('adds %s unconnected, since it cannot sit inside a path', (_name, type) => {
    const original = paymentReminder();
    const { store } = loadedStore(original);
    store.getState().addNode(type, { x: 0, y: 0 }, { onEdgeId: 'e1' });
    expect(store.getState().graph.edges).toEqual(original.edges);
    expect(store.getState().graph.nodes).toHaveLength(6);
  });

  it('uses the given config and label', () => {
    const { store } = loadedStore();
    store.getState().addNode('action.tag', { x: 0, y: 0 }, { config: { add: ['sale'] }, label: 'Mark sale' });
    expect(store.getState().graph.nodes.at(-1)).toEqual({ id: 'tag_1', type: 'action.tag', label: 'Mark sale', position: { x: 0, y: 0 }, config: { add: ['sale'] } });
  });
});

describe('adding a node connected from another', () => {
  it('connects the first free output in the same undo step', () => {
    const original = paymentReminder();
    const { store } = loadedStore(original);
    store.getState().removeEdges(['e2']);
    const withoutE2 = store.getState().graph;
    const id = store.getState().addNode('action.sendEmail', { x: 0, y: 450 }, { from: { nodeId: 'wait' } });
    expect(store.getState().graph.edges.at(-1)).toEqual({ id: 'e_1', source: 'wait', sourceHandle: 'event', target: id });
    store.getState().undo();
    expect(store.getState().graph).toBe(withoutE2);
  });

  it('uses the named output, and adds unconnected when the rules refuse', () => {
    const { store } = loadedStore();
    store.getState().addNode('action.tag', { x: 0, y: 0 }, { from: { nodeId: 'done' } });
    store.getState().addNode('action.tag', { x: 0, y: 0 }, { from: { nodeId: 'wait', sourceHandle: 'timeout' } });
    expect(store.getState().graph.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(store.getState().graph.nodes.map((n) => n.id).slice(5)).toEqual(['tag_1', 'tag_2']);
  });
});
