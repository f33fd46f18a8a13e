import { describe, expect, it } from 'vitest';
import type { NodeDescription } from '../api/types';
import { createFlowStore } from '../store/create-flow-store';
import { graphProblems } from '../store/problems';
import { edge, graphOf, node } from '../store/test-fixtures';
import { editorRegistry } from '../registry';
import { withDescribedProblems } from './described-problems';
import { builtinEntries, pointsEntry, pointsNode } from './test-catalog';

const registry = editorRegistry([...builtinEntries, pointsEntry]);
const outputs = pointsEntry.outputs;

/** Trigger → points node (config given) → nothing; plus an unconnected SMS. */
function flow(config: Record<string, unknown>) {
  return graphOf([node('trigger', 'trigger.event', 0, 0, { event: 'order.created' }), pointsNode('points', config), node('sms', 'action.sendSms')], [edge('e1', 'trigger', 'points')]);
}

const brief = (problems: { code: string; nodeId?: string; field?: string; severity: string; message: string }[]) =>
  problems.map((p) => `${p.severity} ${p.code} ${p.nodeId ?? '-'}.${p.field ?? ''}: ${p.message}`);

describe('problems of custom-type nodes', () => {
  it('replaces an answered node’s config problems with the server’s, and keeps every other problem', () => {
    const graph = flow({ points: 0, reason: 'a' });
    const local = graphProblems(graph, registry);
    expect(brief(local)).toEqual([
      'error invalid-config points.points: must be more than 0',
      'error unreachable sms.: this node is unreachable: no path from the trigger leads to it, so it never runs; connect it or remove it',
    ]);
    const answer: NodeDescription = { outputs, problems: [{ field: 'points', message: 'must be a whole number of at least 1', severity: 'error' }] };
    expect(brief(withDescribedProblems(local, graph, (n) => (n.id === 'points' ? answer : undefined)))).toEqual([
      'error unreachable sms.: this node is unreachable: no path from the trigger leads to it, so it never runs; connect it or remove it',
      'error invalid-config points.points: must be a whole number of at least 1',
    ]);
  });

  it('adds the type’s own checks, which only the server can run, and keeps local problems while no answer is there', () => {
    const graph = flow({ points: 20_000, reason: 'a' });
    const local = graphProblems(graph, registry);
    const warning: NodeDescription = { summary: 'Add 20000 points', outputs, problems: [{ field: 'points', message: '20000 points is unusually many', severity: 'warning' }] };
    expect(brief(withDescribedProblems(local, graph, (n) => (n.id === 'points' ? warning : undefined))).slice(1)).toEqual(['warning config-check points.points: 20000 points is unusually many']);
    expect(withDescribedProblems(local, graph, () => undefined)).toBe(local);
  });

  it('lets the store recompute the problems when an answer arrives, without a new graph or history step', () => {
    const server: { answer?: NodeDescription } = {};
    const store = createFlowStore(registry, { problems: (graph) => withDescribedProblems(graphProblems(graph, registry), graph, (n) => (n.id === 'points' ? server.answer : undefined)) });
    store.getState().load('flow-1', flow({ points: 20_000, reason: 'a' }));
    const { graph, past } = store.getState();
    expect(store.getState().problems.filter((p) => p.nodeId === 'points')).toEqual([]);

    server.answer = { summary: 'Add 20000 points', outputs, problems: [{ field: 'points', message: 'unusually many', severity: 'warning' }] };
    store.getState().refreshProblems();
    expect(store.getState().problems.filter((p) => p.nodeId === 'points')).toEqual([{ severity: 'warning', code: 'config-check', message: 'unusually many', nodeId: 'points', field: 'points' }]);
    expect([store.getState().graph, store.getState().past]).toEqual([graph, past]);
  });
});
