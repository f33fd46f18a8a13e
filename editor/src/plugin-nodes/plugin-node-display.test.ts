import { describe, expect, it } from 'vitest';
import type { NodeDescription } from '../api/types';
import { createFlowElements } from '../canvas/flow-elements';
import { NEEDS_SETUP, nodeDisplay } from '../canvas/node-display';
import { editorRegistry } from '../registry';
import { edge, graphOf, node } from '../store/test-fixtures';
import { builtinEntries, pointsEntry, pointsNode } from './test-catalog';

const registry = editorRegistry([...builtinEntries, pointsEntry]);
const types = new Map([[pointsEntry.type, pointsEntry]]);
const none = { nodeIds: [], edgeIds: [] };
const described: NodeDescription = { summary: 'Add 20 points: Birthday', outputs: pointsEntry.outputs, problems: [] };

describe('a custom-type node on the canvas', () => {
  it('shows the type’s title until the server describes it, then the server’s summary', () => {
    const points = pointsNode('points', { points: 20, reason: 'Birthday' });
    const before = nodeDisplay(points, registry, pointsEntry);
    expect([before.summary, before.needsSetup, before.ariaLabel, before.outputs]).toEqual([
      'Add loyalty points',
      false,
      'Add loyalty points: Add loyalty points',
      pointsEntry.outputs,
    ]);
    const after = nodeDisplay(points, registry, pointsEntry, described);
    expect([after.summary, after.needsSetup, after.ariaLabel]).toEqual(['Add 20 points: Birthday', false, 'Add loyalty points: Add 20 points: Birthday']);
  });

  it('needs setup when the server finds no summary, or the local schema refuses the config before it answers', () => {
    const refused: NodeDescription = { outputs: pointsEntry.outputs, problems: [{ field: 'points', message: 'required', severity: 'error' }] };
    expect(nodeDisplay(pointsNode('points', { reason: 'x' }), registry, pointsEntry, refused).summary).toBe(NEEDS_SETUP);
    expect(nodeDisplay(pointsNode('points', { points: -1, reason: 'x' }), registry, pointsEntry).summary).toBe(NEEDS_SETUP);
  });

  it('rebuilds the node’s view, and the labels of its edges, when its description arrives', () => {
    const server: { answer?: NodeDescription } = {};
    const { toNodes, toEdges } = createFlowElements(registry, (n) => (n.id === 'points' ? server.answer : undefined));
    const graph = graphOf(
      [node('trigger', 'trigger.event', 0, 0, { event: 'order.created' }), pointsNode('points', { points: 20, reason: 'Birthday' }), node('exit', 'flow.exit')],
      [edge('e1', 'trigger', 'points'), edge('e2', 'points', 'exit', 'notMember')],
    );
    const first = toNodes(graph, none, types);
    expect(toEdges(graph, none, types).map((e) => e.ariaLabel)).toEqual([
      'Connection from When an event happens to Add loyalty points',
      'Connection from Add loyalty points (Not a member) to Exit',
    ]);
    server.answer = { ...described, outputs: [{ id: 'next', label: 'Next' }, { id: 'notMember', label: 'Not in the program' }] };
    const second = toNodes(graph, none, types);
    expect(second.map((view, i) => view === first[i])).toEqual([true, false, true]);
    expect(second[1]?.ariaLabel).toBe('Add loyalty points: Add 20 points: Birthday');
    expect(toEdges(graph, none, types)[1]?.ariaLabel).toBe('Connection from Add loyalty points (Not in the program) to Exit');
  });
});
