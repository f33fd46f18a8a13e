import { describe, expect, it } from 'vitest';
import type { FlowGraph } from '../graph/schema';
import { graphOf } from '../interpreter/test-flows';
import { builtinRegistry } from '../nodes/index';
import { pluginNodeDefinition } from '../plugins/plugin-definition';
import { portableDefinition, portableNodeType } from '../plugins/portable';
import { addPoints, inSegment, reviewRequested } from '../plugins/test-plugins';
import { formatTimeline } from './format-timeline';
import { scenarioSchema } from './scenario';
import { simulate } from './simulate';

// As the API simulates: the real definitions, from the plugins' code.
const server = builtinRegistry.extend([pluginNodeDefinition(addPoints, 'loyalty.ts'), pluginNodeDefinition(inSegment, 'crm.ts'), pluginNodeDefinition(reviewRequested, 'reviews.ts')]);
const contact = { id: 'c1', email: 'eva@example.com', consent: { email: true } };
const created = { atSeconds: 0, type: 'order.created', order: { id: 'o1' } };

/** The editor records the type's version on each node it adds; acme.addPoints is at version 2. */
function atCurrentVersions(graph: FlowGraph): FlowGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.type === 'acme.addPoints' ? { ...n, version: 2 } : n)) };
}

const vipPoints = atCurrentVersions(
  graphOf(
    [
      ['trigger', 'trigger.event', { event: 'order.created' }],
      ['vip', 'acme.inSegment', { segment: 'vip' }],
      ['points', 'acme.addPoints', { points: 100, reason: 'vip order' }],
      ['bye', 'flow.exit', { reason: 'not vip' }],
    ],
    ['trigger->vip', 'vip:yes->points', 'vip:no->bye'],
  ),
);

describe('simulating plugin nodes', () => {
  it('answers an unscripted plugin condition "no" and says how to script it', () => {
    const result = simulate(vipPoints, { contact, events: [created] }, { registry: server });
    expect(result.steps.slice(1)).toEqual([
      {
        atSeconds: 0,
        nodeId: 'vip',
        type: 'acme.inSegment',
        outcome: 'no',
        detail: 'acme.inSegment is not run in a simulation, so the answer is "no"; script it in the scenario\'s checks ("vip": true)',
      },
      { atSeconds: 0, nodeId: 'bye', type: 'flow.exit', outcome: 'exited', detail: 'not vip' },
    ]);
    expect(result.actions).toEqual([]);
  });

  it('takes the scenario’s answer and records the plugin action as what would run', () => {
    const result = simulate(vipPoints, { contact, events: [created], checks: { vip: true } }, { registry: server });
    expect(result.steps.slice(1)).toEqual([
      { atSeconds: 0, nodeId: 'vip', type: 'acme.inSegment', outcome: 'yes', detail: 'as scripted in the scenario' },
      { atSeconds: 0, nodeId: 'points', type: 'acme.addPoints', outcome: 'done', detail: 'would run Add loyalty points' },
    ]);
    expect(result.actions).toEqual([{ atSeconds: 0, nodeId: 'points', type: 'acme.addPoints', status: 'done', reason: 'would run Add loyalty points' }]);
    expect(result.end).toEqual({ atSeconds: 0, reason: 'completed', nodeId: 'points' });
    expect(formatTimeline(result, vipPoints, server).split('\n').slice(1, 3)).toEqual([
      '+0s       vip      If in segment vip: yes (as scripted in the scenario)',
      '+0s       points   Add 100 points for “vip order” (would run Add loyalty points)',
    ]);
    expect(simulate(vipPoints, { contact, events: [created], checks: { vip: false } }, { registry: server }).end.nodeId).toBe('bye');
  });

  it('follows an output id the scenario scripts for a plugin condition with outputs of its own', () => {
    const tiers = [
      { id: 'gold', label: 'Gold' },
      { id: 'other', label: 'Other' },
    ];
    const registry = builtinRegistry.extend([pluginNodeDefinition({ ...inSegment, type: 'acme.tier', outputs: tiers }, 'crm.ts'), pluginNodeDefinition(addPoints, 'loyalty.ts')]);
    // Written for version 1 of acme.addPoints (no version on the node): migrated as the run reads it.
    const graph = graphOf(
      [
        ['trigger', 'trigger.event', { event: 'order.created' }],
        ['tier', 'acme.tier', { segment: 'any' }],
        ['points', 'acme.addPoints', { amount: 5 }],
      ],
      ['trigger->tier', 'tier:gold->points'],
    );
    const result = simulate(graph, { contact, events: [created], checks: { tier: 'gold' } }, { registry });
    expect(result.steps.map((s) => `${s.nodeId}:${s.outcome}`)).toEqual(['trigger:started', 'tier:gold', 'points:done']);
    const unknown = simulate(graph, { contact, events: [created], checks: { tier: 'silver' } }, { registry });
    expect(unknown.end).toEqual({ atSeconds: 0, reason: 'failed', nodeId: 'tier', detail: 'node "tier" chose the output "silver", which it does not have (it has "gold", "other")' });
  });

  it('starts a flow on a plugin trigger’s event', () => {
    const graph = graphOf(
      [
        ['trigger', 'acme.reviewRequested', {}],
        ['bye', 'flow.exit', { reason: 'asked' }],
      ],
      ['trigger->bye'],
    );
    const result = simulate(graph, { contact, events: [created, { atSeconds: 60, type: 'review.requested' }] }, { registry: server });
    expect(result.steps[0]).toEqual({ atSeconds: 60, nodeId: 'trigger', type: 'acme.reviewRequested', outcome: 'started', detail: 'review.requested' });
  });

  it('works the same with the portable definitions the editor has', () => {
    const editor = builtinRegistry.extend([addPoints, inSegment].map((p, i) => portableDefinition(portableNodeType(pluginNodeDefinition(p, `p${i}.ts`)), { strict: true })));
    const result = simulate(vipPoints, { contact, events: [created], checks: { vip: true } }, { registry: editor });
    expect(result.steps.map((s) => `${s.nodeId}:${s.outcome}:${s.detail ?? ''}`)).toEqual([
      'trigger:started:order.created',
      'vip:yes:as scripted in the scenario',
      'points:done:would run Add loyalty points',
    ]);
  });

  it('accepts yes/no or an output id per node in the scenario’s checks', () => {
    expect(scenarioSchema.parse({ contact }).checks).toEqual({});
    expect(scenarioSchema.safeParse({ contact, checks: { vip: 1 } }).success).toBe(false);
    expect(scenarioSchema.safeParse({ contact, checks: { vip: '' } }).success).toBe(false);
  });
});
