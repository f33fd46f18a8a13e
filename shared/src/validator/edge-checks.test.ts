import { describe, expect, it } from 'vitest';
import { graphOf, placesOf, reminder, reminderEdges, reminderNodes, reminderWith, type NodeSpec } from './test-graph';
import { validate } from './validate';

describe('validate: edges', () => {
  it('reports a repeated node id on the repeat', () => {
    const graph = graphOf([...reminderNodes, ['s', 'action.tag', { add: ['late'] }]], reminderEdges);
    expect(validate(graph).problems).toEqual([
      { severity: 'error', code: 'duplicate-node-id', nodeId: 's', message: 'another node already has the id "s"; node ids must be unique' },
    ]);
  });

  it('reports a repeated edge id on the repeat', () => {
    const graph = reminder();
    const edges = graph.edges.map((e) => (e.id === 'e4' ? { ...e, id: 'e2' } : e));
    expect(placesOf(validate({ ...graph, edges }).problems)).toEqual([{ severity: 'error', code: 'duplicate-edge-id', edgeId: 'e2' }]);
  });

  it('reports an edge that starts or ends at a node not in the flow', () => {
    const result = validate(graphOf(reminderNodes, [...reminderEdges, 'ghost->x', 's->nowhere']));
    expect(result.problems).toEqual([
      { severity: 'error', code: 'dangling-edge', edgeId: 'e5', field: 'source', message: 'starts at node "ghost", which is not in this flow' },
      { severity: 'error', code: 'dangling-edge', edgeId: 'e6', field: 'target', message: 'leads to node "nowhere", which is not in this flow' },
    ]);
  });

  it('reports an output the source does not have, suggesting a close one', () => {
    const result = validate(graphOf(reminderNodes, ['t->c', 'c:yes->w', 'w:timout->s', 'w:event->x']));
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'unknown-output',
        edgeId: 'e3',
        nodeId: 'w',
        field: 'sourceHandle',
        message: 'node w (wait.untilEvent) has no output "timout" (did you mean timeout?); its outputs are event, timeout',
      },
    ]);
  });

  it('reports an edge without an output from a node that has no "next"', () => {
    const result = validate(graphOf(reminderNodes, ['t->c', 'c->w', 'w:timeout->s', 'w:event->x']));
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'missing-output',
        edgeId: 'e2',
        nodeId: 'c',
        field: 'sourceHandle',
        message: 'leaves node c (condition.rules) without naming an output; choose one of yes, no',
      },
    ]);
  });

  it('accepts "next" named explicitly', () => {
    expect(validate(graphOf(reminderNodes, ['t:next->c', 'c:yes->w', 'w:timeout->s', 'w:event->x'])).problems).toEqual([]);
  });

  it('takes outputs from the config (split.random branches)', () => {
    const split: NodeSpec = [
      'c',
      'split.random',
      {
        branches: [
          { key: 'sms', label: 'SMS', percent: 70 },
          { key: 'none', label: 'Nothing', percent: 30 },
        ],
      },
    ];
    const nodes = reminderNodes.map((n) => (n[0] === 'c' ? split : n));
    expect(validate(graphOf(nodes, ['t->c', 'c:sms->w', 'w:timeout->s', 'w:event->x'])).problems).toEqual([]);
    expect(placesOf(validate(graphOf(nodes, ['t->c', 'c:yes->w', 'w:timeout->s', 'w:event->x'])).problems)).toEqual([
      { severity: 'error', code: 'unknown-output', edgeId: 'e2', nodeId: 'c', field: 'sourceHandle' },
    ]);
  });

  it('falls back to the type’s default outputs while the config is invalid', () => {
    const result = validate(reminderWith('c', { config: { rules: [] } }));
    expect(placesOf(result.problems)).toEqual([{ severity: 'error', code: 'invalid-config', nodeId: 'c', field: 'rules' }]);
  });

  it('does not check the outputs of a node of unknown type', () => {
    const edges = [...reminderEdges, 's:whatever->x'];
    expect(placesOf(validate(graphOf(reminderNodes, edges)).problems)).toEqual([{ severity: 'error', code: 'unknown-output', edgeId: 'e5', nodeId: 's', field: 'sourceHandle' }]);
    const unknown = reminderNodes.map((n): NodeSpec => (n[0] === 's' ? ['s', 'acme.points'] : n));
    expect(placesOf(validate(graphOf(unknown, edges)).problems)).toEqual([
      { severity: 'error', code: 'unknown-type', nodeId: 's' },
    ]);
  });

  it('reports an output connected twice', () => {
    const result = validate(graphOf([...reminderNodes, ['tag', 'action.tag', { add: ['unpaid'] }]], [...reminderEdges, 'c:yes->tag']));
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'output-reused',
        edgeId: 'e5',
        nodeId: 'c',
        message: "output 'yes' of node c is connected twice (edges e2 and e5); a run follows only one path, so remove one",
      },
    ]);
  });

  it('reports an edge that repeats another', () => {
    const result = validate(graphOf(reminderNodes, [...reminderEdges, 'w:event->x']));
    expect(result.problems).toEqual([
      { severity: 'error', code: 'duplicate-edge', edgeId: 'e5', nodeId: 'w', message: 'repeats edge e4 (w event → x); remove one of them' },
    ]);
  });

  it('reports an edge into a trigger', () => {
    const result = validate(graphOf([...reminderNodes, ['a', 'action.tag', { add: ['loop'] }]], [...reminderEdges, 'c:no->a', 'a->t']));
    expect(placesOf(result.problems)).toEqual([{ severity: 'error', code: 'edge-into-trigger', edgeId: 'e6', nodeId: 't' }]);
  });

  it('reports an edge out of a node that ends the run', () => {
    const result = validate(graphOf(reminderNodes, [...reminderEdges, 'x->s']));
    expect(result.problems).toEqual([
      { severity: 'error', code: 'edge-from-end', edgeId: 'e5', nodeId: 'x', message: 'node x (flow.exit) ends the run, so nothing can follow it; remove this edge' },
    ]);
  });
});
