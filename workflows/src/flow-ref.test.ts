import type { FlowEvent, FlowGraph } from '@nudgeflow/shared';
import type { Advance, Command, Input } from '@nudgeflow/shared/interpreter';
import { builtinRegistry } from '@nudgeflow/shared/nodes';
import { describe, expect, it } from 'vitest';
import { pointsNodeType, segmentNodeType } from '../../shared/src/plugins/test-node-types';
import type { FlowRunInput } from './contract';
import { flowRefOf } from './flow-ref';
import { safeAdvance, safeStart } from './interpret';

/*
 * A published flow with plugin nodes as the workflow gets it: the graph plus the plugin types
 * pinned at publish, as plain JSON. No plugin code is here; the activities' answers are faked.
 */

const graph: FlowGraph = {
  schemaVersion: 1,
  name: 'VIP points',
  settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' },
  nodes: [
    { id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: 'order.paid' } },
    { id: 'vip', type: 'acme.inSegment', position: { x: 0, y: 100 }, config: { segment: 'vip' } },
    // Publish brought the config to the plugin's current version.
    { id: 'points', type: 'acme.addPoints', version: 2, position: { x: 0, y: 200 }, config: { points: 100, note: 'kept as published' } },
    { id: 'thanks', type: 'flow.exit', position: { x: 0, y: 300 }, config: { reason: 'points added' } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'vip' },
    { id: 'e2', source: 'vip', sourceHandle: 'yes', target: 'points' },
    { id: 'e3', source: 'points', sourceHandle: 'next', target: 'thanks' },
  ],
};

const contact = { id: 'c1', email: 'eva@example.com', tags: [] };
const order = { id: 'o1', items: [] };
const paid: FlowEvent = { id: 'e-1', type: 'order.paid', occurredAt: '2026-01-05T10:00:00.000Z', contact: { id: 'c1' }, order };
const flow: FlowRunInput['flow'] = { id: 'f1', name: 'VIP points', version: 3, graph, nodeTypes: [segmentNodeType, pointsNodeType] };
const T0 = new Date('2026-01-05T10:00:00Z');
const T1 = new Date('2026-01-05T10:00:01Z');
const T2 = new Date('2026-01-05T10:00:02Z');

function start(runFlow: FlowRunInput['flow']): Advance {
  return safeStart(flowRefOf(runFlow), { runId: 'run-1', contact, trigger: paid, order, now: T0 });
}

function only<K extends Command['kind']>(advance: Advance, kind: K): Extract<Command, { kind: K }> {
  expect(advance.commands.map((c) => c.kind)).toEqual([kind]);
  return advance.commands[0] as Extract<Command, { kind: K }>;
}

function outcomes(advance: Advance): string[] {
  return advance.steps.map((s) => `${s.nodeId}:${s.outcome}${s.detail ? ` (${s.detail})` : ''}`);
}

describe('a run through a flow with plugin nodes, from the types pinned at publish', () => {
  const runFrom = (input: Input, before: Advance, now: Date) => safeAdvance(flowRefOf(flow), before.state, input, now);

  it('asks the worker for the plugin condition, then has it run the plugin action, and follows their outputs', () => {
    const started = start(flow);
    const lookup = only(started, 'lookup');
    expect(lookup).toEqual({
      kind: 'lookup',
      id: 'vip:1:1',
      nodeId: 'vip',
      visit: 1,
      query: { type: 'custom', nodeType: 'acme.inSegment', configVersion: 1, config: { segment: 'vip' }, context: { contact, order, event: paid, trigger: paid } },
    });

    const asked = runFrom({ kind: 'lookupResult', commandId: lookup.id, answer: { matched: true, detail: 'in segment vip' } }, started, T1);
    expect(outcomes(asked)).toEqual(['vip:yes (in segment vip)']);
    const effect = only(asked, 'effect');
    expect(effect).toEqual({
      kind: 'effect',
      id: 'points:1:2',
      nodeId: 'points',
      visit: 1,
      type: 'acme.addPoints',
      config: { points: 100, note: 'kept as published' },
      configVersion: 2,
      at: T1.toISOString(),
      idempotencyKey: 'run-1:points:1',
      context: { flow: { id: 'f1', name: 'VIP points', version: 3 }, runId: 'run-1', contact, order, event: paid, trigger: paid, codes: {} },
    });

    const done = runFrom({ kind: 'effectResult', commandId: effect.id, result: { status: 'done', output: 'next', reason: 'added 100 points' } }, asked, T2);
    expect(outcomes(done)).toEqual(['points:done (added 100 points)', 'thanks:exited (points added)']);
    expect(done.state.end).toEqual({ reason: 'exited', nodeId: 'thanks', detail: 'points added' });
  });

  it('takes the output a plugin condition names, and fails the run by name on one the node does not have', () => {
    const started = start(flow);
    const lookup = only(started, 'lookup');
    const no = runFrom({ kind: 'lookupResult', commandId: lookup.id, answer: { matched: true, output: 'no' } }, started, T1);
    expect(no.state.end).toEqual({ reason: 'completed', nodeId: 'vip' });
    const odd = runFrom({ kind: 'lookupResult', commandId: lookup.id, answer: { matched: true, output: 'gold' } }, started, T1);
    expect(odd.state.end).toEqual({ reason: 'failed', nodeId: 'vip', detail: 'node "vip" chose the output "gold", which it does not have (it has "yes", "no")' });
  });

  it('follows the plugin action’s chosen output', () => {
    const started = start(flow);
    const asked = runFrom({ kind: 'lookupResult', commandId: only(started, 'lookup').id, answer: { matched: true } }, started, T1);
    const result = { status: 'done' as const, output: 'notMember', reason: 'no loyalty account' };
    const done = runFrom({ kind: 'effectResult', commandId: only(asked, 'effect').id, result }, asked, T2);
    expect(outcomes(done)).toEqual(['points:done (no loyalty account)']);
    expect(done.state.end).toEqual({ reason: 'completed', nodeId: 'points' });
  });
});

describe('flowRefOf', () => {
  it('reads a flow without pinned plugin types with the built-in registry itself', () => {
    const { nodeTypes: _none, ...plain } = flow;
    expect(flowRefOf(plain).registry).toBe(builtinRegistry);
    expect(flowRefOf({ ...flow, nodeTypes: [] }).registry).toBe(builtinRegistry);
    expect(flowRefOf(flow).flow).toEqual({ id: 'f1', name: 'VIP points', version: 3 });
  });

  it('fails a run whose plugin type was not pinned, naming the node and the type', () => {
    const started = start({ ...flow, nodeTypes: [pointsNodeType] });
    expect(started.state.end).toEqual({ reason: 'failed', nodeId: 'vip', detail: 'node "vip" has the unknown type "acme.inSegment"' });
  });
});
