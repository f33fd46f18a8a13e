import type { FlowGraph, NodeCategory } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { flowThumbnail } from './flow-thumbnail';

const categories: Record<string, NodeCategory> = { 'trigger.event': 'trigger', 'condition.rules': 'condition', 'action.sendSms': 'action' };
const categoryOf = (type: string) => categories[type];

const node = (id: string, type: string, x: number, y: number) => ({ id, type, position: { x, y }, config: {} });

const branching: Pick<FlowGraph, 'nodes' | 'edges'> = {
  nodes: [node('t', 'trigger.event', 250, 0), node('c', 'condition.rules', 250, 150), node('yes', 'action.sendSms', 30, 300), node('no', 'acme.custom', 470, 300)],
  edges: [
    { id: 't-c', source: 't', target: 'c' },
    // Listed right branch first: the picture still starts the left branch on the left.
    { id: 'c-no', source: 'c', sourceHandle: 'no', target: 'no' },
    { id: 'c-yes', source: 'c', sourceHandle: 'yes', target: 'yes' },
  ],
};

describe('flowThumbnail', () => {
  it('draws a box per node at its canvas position, coloured by category', () => {
    expect(flowThumbnail(branching, categoryOf).nodes).toEqual([
      { id: 't', x: 250, y: 0, width: 180, height: 64, category: 'trigger' },
      { id: 'c', x: 250, y: 150, width: 180, height: 64, category: 'condition' },
      { id: 'yes', x: 30, y: 300, width: 180, height: 64, category: 'action' },
      { id: 'no', x: 470, y: 300, width: 180, height: 64, category: undefined },
    ]);
  });

  it('fits the view box around every node with a margin', () => {
    expect(flowThumbnail(branching, categoryOf).viewBox).toBe('6 -24 668 412');
  });

  it('curves each edge from the bottom of its source to the top of its target, branches fanned out', () => {
    expect(flowThumbnail(branching, categoryOf).edges).toEqual([
      { id: 't-c', d: 'M340,64 C340,107 340,107 340,150' },
      { id: 'c-yes', d: 'M310,214 C310,257 120,257 120,300' },
      { id: 'c-no', d: 'M370,214 C370,257 560,257 560,300' },
    ]);
  });

  it('skips edges to nodes that do not exist', () => {
    const dangling = { nodes: [node('t', 'trigger.event', 0, 0)], edges: [{ id: 'x', source: 't', target: 'gone' }] };
    expect(flowThumbnail(dangling, categoryOf).edges).toEqual([]);
  });

  it('gives an empty flow a small empty picture', () => {
    expect(flowThumbnail({ nodes: [], edges: [] }, categoryOf)).toEqual({ viewBox: '0 0 228 112', nodes: [], edges: [] });
  });
});
