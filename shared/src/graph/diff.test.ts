import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../nodes/index';
import { reminder } from '../validator/test-graph';
import { diffGraphs, hasChanges, summarizeDiff } from './diff';
import { noChanges } from './test-diff';
import { flowGraphSchema, type FlowGraph, type GraphNode } from './schema';

const live = (): FlowGraph => flowGraphSchema.parse(reminder());

function withNode(graph: FlowGraph, id: string, change: (node: GraphNode) => GraphNode): FlowGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? change(n) : n)) };
}

describe('diffGraphs', () => {
  it('finds nothing between a graph and a copy of it', () => {
    const diff = diffGraphs(live(), structuredClone(live()), builtinRegistry);
    expect(diff).toEqual(noChanges);
    expect(hasChanges(diff)).toBe(false);
    expect(summarizeDiff(diff)).toBe('No changes');
  });

  it('reports moved nodes as layout only, not as changes', () => {
    const moved = withNode(live(), 's', (n) => ({ ...n, position: { x: 400, y: 300 } }));
    const diff = diffGraphs(live(), moved, builtinRegistry);
    expect(diff).toEqual({ ...noChanges, nodesMoved: ['s'] });
    expect(hasChanges(diff)).toBe(false);
    expect(summarizeDiff(diff)).toBe('Layout only');
  });

  it('names added and removed nodes by label or type title, with the connections they take along', () => {
    const before = live();
    const after: FlowGraph = {
      ...before,
      nodes: [
        ...before.nodes.filter((n) => n.id !== 'x'),
        { id: 'tag', type: 'action.tag', label: 'Mark as late payer', position: { x: 0, y: 0 }, config: { add: ['late'] } },
      ],
      edges: [...before.edges.filter((e) => e.target !== 'x'), { id: 'e9', source: 's', target: 'tag' }],
    };
    const diff = diffGraphs(before, after, builtinRegistry);
    expect(diff.nodesAdded).toEqual([{ id: 'tag', type: 'action.tag', title: 'Mark as late payer' }]);
    expect(diff.nodesRemoved).toEqual([{ id: 'x', type: 'flow.exit', title: 'Exit' }]);
    expect(diff.edgesAdded).toEqual([{ source: 's', target: 'tag', text: 'Send SMS → Mark as late payer' }]);
    expect(diff.edgesRemoved).toEqual([{ source: 'w', sourceHandle: 'event', target: 'x', text: 'Wait for an event (Happened) → Exit' }]);
    expect(summarizeDiff(diff)).toBe('1 node added, 1 removed · 2 connections changed');
  });

  it('lists the changed fields of a node by their form titles, and a new label as "Name"', () => {
    const after = withNode(live(), 'w', (n) => ({ ...n, label: 'Wait for payment', config: { ...n.config, timeout: 'PT48H' } }));
    const diff = diffGraphs(live(), after, builtinRegistry);
    expect(diff.nodesChanged).toEqual([{ id: 'w', type: 'wait.untilEvent', title: 'Wait for payment', fields: ['Name', 'Give up after'] }]);
    expect(summarizeDiff(diff)).toBe('1 node changed');
  });

  it('does not count writing out a default value as a change', () => {
    const after = withNode(live(), 'w', (n) => ({ ...n, config: { ...n.config, sameOrder: true } }));
    expect(diffGraphs(live(), after, builtinRegistry).nodesChanged).toEqual([]);
  });

  it('reports a changed type instead of comparing configs of different types', () => {
    const after = withNode(live(), 's', (n) => ({ ...n, type: 'action.sendEmail', config: { subject: 'Hi', mjml: '<mjml></mjml>' } }));
    expect(diffGraphs(live(), after, builtinRegistry).nodesChanged).toEqual([{ id: 's', type: 'action.sendEmail', title: 'Send email', fields: ['Type'] }]);
  });

  it('treats an edge re-created with a new id, or with "next" spelled out, as the same connection', () => {
    const before = live();
    const after: FlowGraph = {
      ...before,
      edges: before.edges.map((e, i) => ({ ...e, id: `renamed${i}`, ...(e.source === 's' ? { sourceHandle: 'next' } : {}) })),
    };
    expect(diffGraphs(before, after, builtinRegistry)).toEqual(noChanges);
  });

  it('notices a connection moved to another output', () => {
    const before = live();
    const after: FlowGraph = { ...before, edges: before.edges.map((e) => (e.source === 'c' ? { ...e, sourceHandle: 'no' } : e)) };
    const diff = diffGraphs(before, after, builtinRegistry);
    expect(diff.edgesAdded.map((e) => e.text)).toEqual(['Check rules (No) → Wait for an event']);
    expect(diff.edgesRemoved.map((e) => e.text)).toEqual(['Check rules (Yes) → Wait for an event']);
  });

  it('names changed flow settings, the name and the description', () => {
    const before = live();
    const after: FlowGraph = {
      ...before,
      name: 'Payment reminder v2',
      description: 'Reminds by SMS',
      settings: { ...before.settings, runPer: 'order', sendWindow: { days: ['mon'], from: '08:00', to: '20:00', timezone: 'contact' } },
    };
    const diff = diffGraphs(before, after, builtinRegistry);
    expect(diff).toEqual({
      ...noChanges,
      name: { before: 'Payment reminder', after: 'Payment reminder v2' },
      descriptionChanged: true,
      settingsChanged: ['One run per', 'Send window'],
    });
    expect(summarizeDiff(diff)).toBe('Settings changed · renamed · description changed');
  });

  it('keeps raw config keys for a node type it does not know', () => {
    const before = withNode(live(), 'x', (n) => ({ ...n, type: 'acme.points', config: { points: 5 } }));
    const after = withNode(before, 'x', (n) => ({ ...n, config: { points: 10 } }));
    expect(diffGraphs(before, after, builtinRegistry).nodesChanged).toEqual([{ id: 'x', type: 'acme.points', title: 'acme.points', fields: ['points'] }]);
  });
});
