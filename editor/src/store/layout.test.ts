import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, layoutGraph } from './layout';
import { edge, graphOf, loadedStore, node, registry } from './test-fixtures';

/** Nodes and edges listed in the "wrong" order on purpose: no before yes, timeout before event. */
function branchyGraph() {
  return graphOf(
    [
      node('trigger', 'trigger.event', 500, 500),
      node('noSms', 'action.sendSms', 0, 0),
      node('yesTag', 'action.tag', 0, 0),
      node('check', 'condition.rules', 0, 0),
      node('timeoutExit', 'flow.exit', 0, 0),
      node('wait', 'wait.untilEvent', 0, 0),
      node('eventExit', 'flow.exit', 0, 0),
      node('split', 'split.random', 0, 0, {
        branches: [
          { key: 'a', label: 'A', percent: 30 },
          { key: 'b', label: 'B', percent: 30 },
          { key: 'c', label: 'C', percent: 40 },
        ],
      }),
      node('c', 'action.tag', 0, 0),
      node('b', 'action.tag', 0, 0),
      node('a', 'action.tag', 0, 0),
    ],
    [
      edge('e1', 'trigger', 'check'),
      edge('e2', 'check', 'noSms', 'no'),
      edge('e3', 'check', 'yesTag', 'yes'),
      edge('e4', 'yesTag', 'wait'),
      edge('e5', 'wait', 'timeoutExit', 'timeout'),
      edge('e6', 'wait', 'eventExit', 'event'),
      edge('e7', 'noSms', 'split'),
      edge('e8', 'split', 'c', 'c'),
      edge('e9', 'split', 'b', 'b'),
      edge('e10', 'split', 'a', 'a'),
    ],
  );
}

describe('autoLayout', () => {
  const laid = layoutGraph(branchyGraph(), registry);
  const at = (id: string) => {
    const found = laid.nodes.find((n) => n.id === id);
    if (!found) throw new Error(`no node ${id}`);
    return found.position;
  };

  it('keeps each node’s outputs in order from left to right', () => {
    expect(at('yesTag').x).toBeLessThan(at('noSms').x);
    expect(at('eventExit').x).toBeLessThan(at('timeoutExit').x);
    expect(at('a').x).toBeLessThan(at('b').x);
    expect(at('b').x).toBeLessThan(at('c').x);
  });

  // dagre on its own puts siblings left or right depending on the order nodes and edges are listed.
  const simple = graphOf(
    [node('t', 'trigger.event'), node('no', 'action.sendSms'), node('yes', 'action.tag'), node('check', 'condition.rules')],
    [edge('e1', 't', 'check'), edge('e2', 'check', 'no', 'no'), edge('e3', 'check', 'yes', 'yes')],
  );
  it.each([
    ['as listed', simple.nodes, simple.edges],
    ['edges reversed', simple.nodes, [...simple.edges].reverse()],
    ['nodes reversed', [...simple.nodes].reverse(), simple.edges],
    ['both reversed', [...simple.nodes].reverse(), [...simple.edges].reverse()],
  ])('puts yes left of no whatever the listing order (%s)', (_name, nodes, edges) => {
    const result = layoutGraph(graphOf(nodes, edges), registry).nodes;
    const x = (id: string) => result.find((n) => n.id === id)?.position.x ?? Number.NaN;
    expect(x('yes')).toBeLessThan(x('no'));
  });

  it('flows from top to bottom, one rank per step', () => {
    const ys = ['trigger', 'check', 'yesTag', 'wait', 'eventExit'].map((id) => at(id).y);
    for (let i = 1; i < ys.length; i += 1) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(at('yesTag').y).toBe(at('noSms').y);
  });

  it('changes only positions', () => {
    const original = branchyGraph();
    expect(laid.edges).toEqual(original.edges);
    expect(laid.nodes.map(({ position: _p, ...rest }) => rest)).toEqual(original.nodes.map(({ position: _p, ...rest }) => rest));
  });

  it('is one undoable step in the store', () => {
    const original = branchyGraph();
    const { store } = loadedStore(original);
    store.getState().autoLayout();
    expect(store.getState().graph.nodes.map((n) => n.position)).toEqual(laid.nodes.map((n) => n.position));
    store.getState().undo();
    expect(store.getState().graph).toBe(original);
  });
});
