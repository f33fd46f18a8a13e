import type { FlowEvent } from '@nudgeflow/shared';
import { definePlugin } from '@nudgeflow/shared/plugins';
import type { FlowRunInput } from '@nudgeflow/workflows/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reviewRequested } from '../../../../shared/src/plugins/test-plugins';
import { LoadedPlugins, loadedPlugin } from '../../plugins/loaded-plugins';
import { graphOf } from '../../temporal/test-flows';
import type { LiveTestRunControl } from '../../test-runs/live-control';
import { useTestApi } from '../test-api';

/* The API with custom node types: the catalog, describe, the plugin report, publish pinning and live test runs. */

const addPoints = definePlugin({
  kind: 'action',
  type: 'acme.addPoints',
  title: 'Add points',
  description: 'Adds loyalty points.',
  config: z.object({
    points: z.number().int().positive().meta({ title: 'Points' }),
    reason: z.string().default('Thanks').meta({ title: 'Reason' }),
  }),
  defaults: { points: 10 },
  outputs: [
    { id: 'next', label: 'Next' },
    { id: 'notMember', label: 'Not a member' },
  ],
  summary: (c) => `Add ${c.points} points (${c.reason})`,
  check: (c) => (c.points > 1000 ? [{ field: 'points', message: 'that is a lot of points', severity: 'warning' }] : []),
  // Version 2 renamed `amount` to `points`.
  migrations: [{ to: 2, up: ({ amount, ...rest }) => ({ ...rest, points: amount }), down: ({ points, ...rest }) => ({ ...rest, amount: points }) }],
  async execute() {},
});

const plugins = new LoadedPlugins(
  [loadedPlugin(addPoints, 'points.ts'), loadedPlugin(reviewRequested, 'reviews.ts')],
  [{ source: 'broken.ts', message: 'could not be loaded: boom' }],
);

const started: FlowRunInput[] = [];
const testRuns: LiveTestRunControl = {
  start: async (input) => {
    started.push(input);
  },
  signal: async (_workflowId: string, _event: FlowEvent) => true,
  cancel: async () => true,
};

const api = useTestApi({ plugins, testRuns });

/** order.created -> add points, the node saved under version 1 of the plugin. */
function pointsFlow() {
  const graph = graphOf('Points', [['trigger', 'trigger.event', { event: 'order.created' }], ['points', 'acme.addPoints', { amount: 50 }]], ['trigger->points']);
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === 'points' ? { ...n, version: 1 } : n)) };
}

describe('GET /api/node-types with plugins', () => {
  it('serves each plugin type as its portable description, next to the built-ins', async () => {
    const { status, body } = await api.request('GET', '/api/node-types');
    expect(status).toBe(200);
    const byType = new Map(body.map((t: { type: string }) => [t.type, t]));
    expect(byType.get('acme.addPoints')).toEqual(plugins.get('acme.addPoints')?.portable);
    expect(byType.get('acme.addPoints')).toMatchObject({ kind: 'action', source: 'points.ts', category: 'action', version: 2, icon: 'puzzle' });
    expect(byType.get('acme.reviewRequested')).toMatchObject({ kind: 'trigger', event: 'review.requested', source: 'reviews.ts', outputs: [{ id: 'next', label: 'Next' }] });
    expect(byType.get('action.sendSms')).not.toHaveProperty('kind');
    expect(byType.get('action.sendSms')).not.toHaveProperty('source');
  });
});

describe('POST /api/node-types/describe', () => {
  it("answers each node's summary, outputs and problems from the real definitions", async () => {
    const nodes = [
      { id: 'a', type: 'acme.addPoints', version: 2, config: { points: 5000 } },
      { id: 'b', type: 'acme.addPoints', version: 1, config: { amount: 20, reason: 'Birthday' } },
      { id: 'c', type: 'acme.addPoints', version: 2, config: { points: -3 } },
      { id: 'd', type: 'acme.addPoints', version: 3, config: {} },
      { id: 'e', type: 'acme.nope', config: {} },
      { id: 'f', type: 'wait.delay', config: { duration: 'PT2H' } },
    ];
    const { status, body } = await api.request('POST', '/api/node-types/describe', { body: { nodes } });
    expect(status).toBe(200);
    const outputs = [
      { id: 'next', label: 'Next' },
      { id: 'notMember', label: 'Not a member' },
    ];
    expect(body.nodes.slice(0, 5)).toEqual([
      { id: 'a', summary: 'Add 5000 points (Thanks)', outputs, problems: [{ field: 'points', message: 'that is a lot of points', severity: 'warning' }] },
      { id: 'b', summary: 'Add 20 points (Birthday)', outputs, problems: [] },
      { id: 'c', outputs, problems: [{ field: 'points', message: 'must be more than 0', severity: 'error' }] },
      { id: 'd', outputs, problems: [{ field: '', message: 'this node was saved for version 3 of acme.addPoints, but this server knows only up to version 2; update Nudgeflow to edit it', severity: 'error' }] },
      { id: 'e', outputs: [], problems: [{ field: '', message: 'there is no node type "acme.nope"', severity: 'error' }] },
    ]);
    expect(body.nodes[5]).toMatchObject({ id: 'f', summary: expect.stringContaining('2'), problems: [] });
  });

  it('refuses a body without nodes, naming the field', async () => {
    const { status, body } = await api.request('POST', '/api/node-types/describe', { body: { nodes: [{ id: 'a' }] } });
    expect(status).toBe(400);
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(['nodes.0.type', 'nodes.0.config']);
  });
});

describe('GET /api/plugins', () => {
  it('lists the loaded plugins by source and the problems', async () => {
    expect(await api.request('GET', '/api/plugins')).toEqual({
      status: 200,
      body: {
        plugins: [
          { source: 'points.ts', types: ['acme.addPoints'] },
          { source: 'reviews.ts', types: ['acme.reviewRequested'] },
        ],
        problems: [{ source: 'broken.ts', message: 'could not be loaded: boom' }],
      },
    });
    expect((await api.request('GET', '/api/plugins', { as: 'anonymous' })).status).toBe(401);
  });
});

describe('publishing a flow with plugin nodes', () => {
  it("migrates plugin configs to the plugin's version and pins the types the graph uses", async () => {
    const created = await api.request('POST', '/api/flows', { body: { graph: pointsFlow() } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const published = await api.request('POST', `/api/flows/${id}/publish`);
    expect(published.status).toBe(201);
    expect(published.body.graph.nodes[1]).toEqual({ id: 'points', type: 'acme.addPoints', version: 2, position: { x: 0, y: 0 }, config: { points: 50 } });
    expect(published.body.nodeTypes).toEqual([plugins.get('acme.addPoints')?.portable]);

    const stored = await api.request('GET', `/api/flows/${id}/versions/1`);
    expect(stored.body.nodeTypes).toEqual(published.body.nodeTypes);
    expect(stored.body.graph).toEqual(published.body.graph);
    // The draft stays as the marketer saved it.
    expect((await api.request('GET', `/api/flows/${id}`)).body.graph.nodes[1]).toMatchObject({ version: 1, config: { amount: 50 } });
  });

  it('starts a live test run of the draft with the plugin types and configs pinned, as a published version would', async () => {
    started.length = 0;
    const created = await api.request('POST', '/api/flows', { body: { graph: pointsFlow() } });
    const id = created.body.id as string;
    const events = { now: '2026-03-02T10:00:00Z', contact: { id: 'ann', email: 'ann@example.com' }, events: [{ atSeconds: 0, type: 'order.created', order: { id: 'o1', items: [] } }] };
    const res = await api.request('POST', `/api/flows/${id}/test-runs`, { body: { events, mode: 'live' } });
    expect(res.status).toBe(201);
    expect(started).toHaveLength(1);
    expect(started[0]?.flow.nodeTypes).toEqual([plugins.get('acme.addPoints')?.portable]);
    expect(started[0]?.flow.graph.nodes[1]).toMatchObject({ version: 2, config: { points: 50 } });
  });
});
