import { describe, expect, it } from 'vitest';
import type { Problem } from '@nudgeflow/shared';
import { HISTORY_LIMIT } from './history';
import { graphProblems } from './problems';
import { edge, graphOf, loadedStore, node, paymentReminder, registry } from './test-fixtures';

describe('undo and redo', () => {
  it('undoes and redoes an added node, selecting it again on redo', () => {
    const original = paymentReminder();
    const { store } = loadedStore(original);
    const id = store.getState().addNode('action.tag', { x: 10, y: 20 });
    expect(id).toBe('tag_1');
    const withTag = store.getState().graph;

    store.getState().undo();
    expect(store.getState().graph).toBe(original);
    expect(store.getState().selection).toEqual({ nodeIds: [], edgeIds: [] });
    expect(store.getState().future).toEqual([withTag]);

    store.getState().redo();
    expect(store.getState().graph).toBe(withTag);
    expect(store.getState().selection).toEqual({ nodeIds: ['tag_1'], edgeIds: [] });
    expect(store.getState().past).toEqual([original]);
  });

  it('selects the restored nodes when a delete is undone', () => {
    const { store } = loadedStore();
    store.getState().select({ nodeIds: ['sms'] });
    store.getState().deleteSelection();
    expect(store.getState().graph.nodes.map((n) => n.id)).toEqual(['trigger', 'wait', 'paid', 'done']);
    expect(store.getState().graph.edges.map((e) => e.id)).toEqual(['e1', 'e2']);

    store.getState().undo();
    expect(store.getState().graph.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(store.getState().selection).toEqual({ nodeIds: ['sms'], edgeIds: [] });
  });

  it('forgets undone steps when a new change is made', () => {
    const { store } = loadedStore();
    store.getState().renameFlow('First');
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().addNode('action.tag', { x: 0, y: 0 });
    expect(store.getState().future).toEqual([]);
    store.getState().redo();
    expect(store.getState().graph.name).toBe('Payment reminder');
  });

  it('does nothing when there is nothing to undo or redo', () => {
    const { store } = loadedStore();
    const before = store.getState().graph;
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().graph).toBe(before);
  });

  it('recomputes problems after undo', () => {
    const { store } = loadedStore();
    store.getState().removeEdges(['e1']);
    expect(store.getState().problems.map((p) => [p.code, p.nodeId])).toContainEqual(['unreachable', 'wait']);
    store.getState().undo();
    expect(store.getState().problems).toEqual([]);
  });
});

describe('a drag', () => {
  it('is one history entry however many moves it had', () => {
    const original = paymentReminder();
    const { store } = loadedStore(original);
    const problems = store.getState().problems;
    store.getState().moveNodes({ sms: { x: 160, y: 310 } });
    store.getState().moveNodes({ sms: { x: 170, y: 320 }, done: { x: 170, y: 470 } });
    store.getState().moveNodes({ sms: { x: 180, y: 330 } });
    expect(store.getState().past).toEqual([]);
    // Validation does not run while dragging.
    expect(store.getState().problems).toBe(problems);

    store.getState().commitMove();
    expect(store.getState().past).toEqual([original]);
    const moved = store.getState().graph.nodes.map((n) => [n.id, n.position]);
    expect(moved).toEqual([
      ['trigger', { x: 0, y: 0 }],
      ['wait', { x: 0, y: 150 }],
      ['paid', { x: -150, y: 300 }],
      ['sms', { x: 180, y: 330 }],
      ['done', { x: 170, y: 470 }],
    ]);

    store.getState().undo();
    expect(store.getState().graph).toBe(original);
    expect(store.getState().selection).toEqual({ nodeIds: ['sms', 'done'], edgeIds: [] });
  });

  it('records nothing when the nodes did not move', () => {
    const { store } = loadedStore();
    store.getState().moveNodes({ sms: { x: 150, y: 300 } });
    store.getState().commitMove();
    expect(store.getState().past).toEqual([]);
  });

  it('becomes its own entry when another change follows before the drag is committed', () => {
    const original = paymentReminder();
    const { store } = loadedStore(original);
    store.getState().moveNodes({ sms: { x: 500, y: 500 } });
    const moved = store.getState().graph;
    store.getState().renameFlow('Renamed');
    expect(store.getState().past).toEqual([original, moved]);
  });
});

describe('config edits', () => {
  it('coalesce into one entry when they follow each other within a second', () => {
    const original = paymentReminder();
    const { store, clock } = loadedStore(original);
    store.getState().updateConfig('sms', { body: 'H' });
    clock.now += 300;
    store.getState().updateConfig('sms', { body: 'Hi' });
    clock.now += 600;
    store.getState().updateConfig('sms', { body: 'Hi!' });
    expect(store.getState().past).toEqual([original]);

    clock.now += 1500;
    store.getState().updateConfig('sms', { body: 'Hi! Pay now' });
    expect(store.getState().past).toHaveLength(2);

    store.getState().undo();
    expect(store.getState().graph.nodes.find((n) => n.id === 'sms')?.config).toEqual({ body: 'Hi!' });
    store.getState().undo();
    expect(store.getState().graph).toBe(original);
    expect(store.getState().selection).toEqual({ nodeIds: ['sms'], edgeIds: [] });
  });

  it('do not coalesce across nodes or with other kinds of change', () => {
    const { store, clock } = loadedStore();
    store.getState().updateConfig('sms', { body: 'A' });
    clock.now += 100;
    store.getState().updateConfig('paid', { reason: 'paid!' });
    clock.now += 100;
    store.getState().renameNode('paid', 'Paid');
    clock.now += 100;
    store.getState().updateConfig('paid', { reason: 'paid!!' });
    expect(store.getState().past).toHaveLength(4);
  });

  it('revalidate the graph', () => {
    const { store } = loadedStore();
    store.getState().updateConfig('paid', { reason: '' });
    expect(store.getState().problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([['invalid-config', 'paid', 'reason']]);
  });

  it('rename a node and clear its label again', () => {
    const { store } = loadedStore();
    store.getState().renameNode('sms', 'Reminder SMS');
    expect(store.getState().graph.nodes.find((n) => n.id === 'sms')?.label).toBe('Reminder SMS');
    store.getState().renameNode('sms', '');
    expect(store.getState().graph.nodes.find((n) => n.id === 'sms')).not.toHaveProperty('label');
  });
});

describe('history bounds and loading', () => {
  it(`keeps the newest ${HISTORY_LIMIT} steps`, () => {
    const { store } = loadedStore(graphOf([]));
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) store.getState().addNode('action.tag', { x: i, y: 0 });
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) store.getState().undo();
    expect(store.getState().graph.nodes.map((n) => n.id)).toEqual(['tag_1', 'tag_2', 'tag_3', 'tag_4', 'tag_5']);
  });

  it('honours a smaller limit', () => {
    const { store } = loadedStore(graphOf([]), { historyLimit: 2 });
    for (let i = 0; i < 4; i += 1) store.getState().addNode('wait.delay', { x: 0, y: i });
    expect(store.getState().past.map((g) => g.nodes.length)).toEqual([2, 3]);
  });

  it('load clears history, selection and the unsaved state', () => {
    const { store } = loadedStore();
    store.getState().addNode('action.tag', { x: 0, y: 0 });
    store.getState().undo();
    store.getState().moveNodes({ sms: { x: 1, y: 1 } });
    const next = graphOf([node('t', 'trigger.event')]);
    store.getState().load('flow-2', next);
    const state = store.getState();
    expect([state.flowId, state.graph, state.savedGraph, state.past, state.future, state.selection]).toEqual([
      'flow-2',
      next,
      next,
      [],
      [],
      { nodeIds: [], edgeIds: [] },
    ]);
    // The drag before the load does not leak into the new flow's history.
    store.getState().commitMove();
    expect(store.getState().past).toEqual([]);
  });

  it('load takes the problems found for the loaded graph, or finds them itself', () => {
    const { store } = loadedStore();
    const broken = graphOf([node('t', 'trigger.event'), node('x', 'flow.exit')]);
    const found: Problem[] = [{ severity: 'warning', code: 'unreachable', message: 'from the server', nodeId: 'x' }];
    store.getState().load('flow-2', broken, found);
    expect(store.getState().problems).toBe(found);
    store.getState().load('flow-3', broken);
    expect(store.getState().problems).toEqual(graphProblems(broken, registry));
    expect(store.getState().problems).not.toContainEqual(found[0]);
  });

  it('replaceGraph can be undone and keeps the selection that still exists', () => {
    const original = paymentReminder();
    const { store } = loadedStore(original);
    store.getState().select({ nodeIds: ['sms', 'paid'], edgeIds: ['e3'] });
    const imported = graphOf([node('sms', 'action.sendSms'), node('t', 'trigger.event')], [edge('x', 't', 'sms')]);
    store.getState().replaceGraph(imported);
    expect(store.getState().selection).toEqual({ nodeIds: ['sms'], edgeIds: [] });
    store.getState().undo();
    expect(store.getState().graph).toBe(original);
  });

  it('markSaved records what the server has', () => {
    const { store } = loadedStore();
    store.getState().renameFlow('Renamed');
    const { graph } = store.getState();
    expect(store.getState().savedGraph).not.toBe(graph);
    store.getState().markSaved(graph);
    expect(store.getState().savedGraph).toBe(graph);
  });

  it('uses the injected id generator', () => {
    const { store } = loadedStore(paymentReminder(), { newId: (base, taken) => `${base}-${taken.size}` });
    expect(store.getState().addNode('action.tag', { x: 0, y: 0 })).toBe('tag-9');
  });
});
