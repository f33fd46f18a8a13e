import type { FlowGraph } from '@nudgeflow/shared';
import type { FlowRef, RunState } from '@nudgeflow/shared/interpreter';
import type { NodeRegistry } from '@nudgeflow/shared/nodes';
import { describe, expect, it } from 'vitest';
import { failRun, safeAdvance, safeStart } from './interpret';

const graph: FlowGraph = {
  schemaVersion: 1,
  name: 'G',
  settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' },
  nodes: [{ id: 'wait', type: 'wait.delay', position: { x: 0, y: 0 }, config: {} }],
  edges: [],
};
// A registry whose lookups throw stands in for a bug in the core.
const broken = { get: () => { throw new Error('boom'); } } as unknown as NodeRegistry;
const ref: FlowRef = { graph, registry: broken, flow: { id: 'f', name: 'G' } };
const now = new Date('2025-03-10T08:00:00Z');
const contact = { id: 'c', tags: [] };
const waiting: RunState = {
  v: 1,
  status: 'waiting',
  ctx: { runId: 'r', flow: { id: 'f', name: 'G' }, contact, codes: {} },
  pending: { kind: 'sleep', until: '2025-03-11T08:00:00.000Z', nodeId: 'wait', visit: 2, purpose: 'wait' },
  visits: { wait: 2 },
  seq: 3,
  inbox: [],
  startedAt: '2025-03-09T08:00:00.000Z',
};

describe('the shell guards around the core', () => {
  it('fails the run at its pending node with a step, like the core would', () => {
    const advance = failRun(graph, waiting, now, 'gave up');
    const { pending: _pending, ...rest } = waiting;
    expect(advance).toEqual({
      state: { ...rest, status: 'done', endedAt: '2025-03-10T08:00:00.000Z', end: { reason: 'failed', nodeId: 'wait', detail: 'gave up' } },
      commands: [{ kind: 'done', reason: 'failed', nodeId: 'wait', detail: 'gave up' }],
      steps: [{ at: '2025-03-10T08:00:00.000Z', nodeId: 'wait', type: 'wait.delay', visit: 2, outcome: 'failed', detail: 'gave up' }],
    });
  });

  it('turns an exception at start into a failed run instead of a failing workflow task', () => {
    const advance = safeStart(ref, { runId: 'r', contact, now });
    expect(advance.state).toMatchObject({ status: 'done', end: { reason: 'failed', detail: 'the run could not start: boom' } });
    expect(advance.steps).toEqual([]);
  });

  it('turns an exception on an input into a failed run at the pending node', () => {
    const advance = safeAdvance(ref, waiting, { kind: 'timer' }, now);
    const detail = 'the run stopped on an internal error after "timer": boom';
    expect(advance.state.end).toEqual({ reason: 'failed', nodeId: 'wait', detail });
    expect(advance.steps).toEqual([{ at: '2025-03-10T08:00:00.000Z', nodeId: 'wait', type: 'wait.delay', visit: 2, outcome: 'failed', detail }]);
  });
});
