import { describe, expect, it } from 'vitest';
import { addPoints, reviewRequested } from '../../../shared/src/plugins/test-plugins';
import { compileRoutable } from '../dispatch/routable-flow';
import { graphOf } from '../temporal/test-flows';
import { LoadedPlugins, loadedPlugin, noPlugins } from './loaded-plugins';
import { pinPluginNodes } from './pin-node-types';

// acme.addPoints is at version 2: version 1 called `points` `amount`.
const plugins = new LoadedPlugins([loadedPlugin(addPoints, 'points.ts'), loadedPlugin(reviewRequested, 'reviews.ts')]);

function reviewFlow() {
  const graph = graphOf(
    'Reviews',
    [
      ['trigger', 'acme.reviewRequested'],
      ['old', 'acme.addPoints', { amount: 5 }],
      ['new', 'acme.addPoints', { points: 7 }],
      ['tag', 'action.tag', { add: ['reviewer'] }],
    ],
    ['trigger->old', 'old->new', 'new->tag'],
  );
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === 'new' ? { ...n, version: 2 } : n)) };
}

describe('pinPluginNodes', () => {
  it('migrates plugin configs to their current version and lists each plugin type once, in order of use', () => {
    const graph = reviewFlow();
    const pinned = pinPluginNodes(graph, plugins);
    expect(pinned.nodeTypes).toEqual([plugins.get('acme.reviewRequested')?.portable, plugins.get('acme.addPoints')?.portable]);
    expect(pinned.graph.nodes.map((n) => [n.id, n.version, n.config])).toEqual([
      ['trigger', undefined, {}],
      ['old', 2, { points: 5 }],
      ['new', 2, { points: 7 }],
      ['tag', undefined, { add: ['reviewer'] }],
    ]);
    // The graph given is left as it was.
    expect(graph.nodes[1]).toMatchObject({ config: { amount: 5 } });
    expect(graph.nodes[1]).not.toHaveProperty('version');
  });

  it('returns a graph without plugin nodes as it is', () => {
    const graph = graphOf('Tags', [['trigger', 'trigger.event', { event: 'order.created' }]], []);
    expect(pinPluginNodes(graph, plugins)).toEqual({ graph, nodeTypes: [] });
    expect(pinPluginNodes(graph, noPlugins).graph).toBe(graph);
  });
});

describe('routing a version with pinned plugin types (no plugin code in the dispatcher)', () => {
  it('compiles a plugin trigger from the pinned types and hands them on to the runs', () => {
    const { graph, nodeTypes } = pinPluginNodes(reviewFlow(), plugins);
    const compiled = compileRoutable({ flowId: 'f1', version: 3, graph, nodeTypes, publishedAt: '2026-03-02T10:00:00Z' });
    if (!compiled.ok) throw new Error(compiled.problem);
    expect(compiled.flow.nodeTypes).toEqual(nodeTypes);
    expect(compiled.flow.trigger).toMatchObject({ kind: 'eventTrigger', nodeId: 'trigger', nodeType: 'acme.reviewRequested' });
    if (compiled.flow.trigger.kind !== 'eventTrigger') throw new Error('an event trigger');
    const event = (type: string) => ({ id: 'e1', type, occurredAt: '2026-03-02T10:00:00Z', contact: { id: 'ann' } });
    expect(compiled.flow.trigger.behavior.matches(compiled.flow.trigger.config, event('review.requested'))).toBe(true);
    expect(compiled.flow.trigger.behavior.matches(compiled.flow.trigger.config, event('order.created'))).toBe(false);
  });

  it('cannot route a version whose plugin types were not pinned', () => {
    const compiled = compileRoutable({ flowId: 'f1', version: 1, graph: reviewFlow(), publishedAt: '2026-03-02T10:00:00Z' });
    // Without the pinned type the trigger node is of no type the dispatcher knows.
    expect(compiled).toEqual({ ok: false, problem: 'the flow has no trigger node' });
  });
});
