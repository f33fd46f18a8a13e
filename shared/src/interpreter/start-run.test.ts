import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinRegistry } from '../nodes/index';
import { defineNode, NEXT } from '../nodes/types';
import { advanceRun } from './advance-run';
import { startRun } from './start-run';
import { at, contact, eventOf, graphOf, order, refOf } from './test-flows';

const created = eventOf('order.created', '2026-01-05T10:00:00.000Z', { order });
const T0 = '2026-01-05T10:00:00.000Z';

describe('startRun', () => {
  it('starts at the event trigger, builds the context and emits the first effect', () => {
    const ref = refOf(graphOf([['trigger', 'trigger.event', { event: 'order.created' }], ['sms1', 'action.sendSms', { body: 'Order {{ order.number }}' }]], ['trigger->sms1']));
    const run = startRun(ref, { runId: 'run-1', contact, trigger: created, now: at(T0) });
    const ctx = { flow: { id: 'flow-1', name: 'Test flow' }, runId: 'run-1', contact, order, event: created, trigger: created, codes: {} };
    expect(run.steps).toEqual([{ at: T0, nodeId: 'trigger', type: 'trigger.event', visit: 1, outcome: 'started', detail: 'order.created' }]);
    expect(run.commands).toEqual([
      {
        kind: 'effect',
        id: 'sms1:1:1',
        nodeId: 'sms1',
        visit: 1,
        type: 'action.sendSms',
        config: { body: 'Order {{ order.number }}', transactional: false },
        configVersion: 1,
        at: T0,
        idempotencyKey: 'run-1:sms1:1',
        message: { channel: 'sms', marketing: true },
        context: ctx,
      },
    ]);
    expect(run.state).toEqual({
      v: 1,
      status: 'running',
      ctx,
      pending: { kind: 'effect', commandId: 'sms1:1:1', nodeId: 'sms1', visit: 1 },
      visits: { trigger: 1, sms1: 1 },
      seq: 1,
      inbox: [],
      startedAt: T0,
    });

    const done = advanceRun(ref, run.state, { kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent', messageId: 'm1' } }, at('2026-01-05T10:00:01Z'));
    expect(done.steps).toEqual([{ at: '2026-01-05T10:00:01.000Z', nodeId: 'sms1', type: 'action.sendSms', visit: 1, outcome: 'sent' }]);
    expect(done.commands).toEqual([{ kind: 'done', reason: 'completed', nodeId: 'sms1' }]);
    expect(done.state.status).toBe('done');
    expect(done.state.pending).toBeUndefined();
    expect(done.state.endedAt).toBe('2026-01-05T10:00:01.000Z');
    expect(done.state.end).toEqual({ reason: 'completed', nodeId: 'sms1' });
  });

  it('takes an explicit order over the trigger’s, and marks test runs', () => {
    const ref = refOf(graphOf([['trigger', 'trigger.event', { event: 'order.created' }]], []));
    const other = { ...order, id: 'o2' };
    const run = startRun(ref, { runId: 'r', contact, trigger: created, order: other, now: at(T0), test: true });
    expect(run.state.ctx.order).toEqual(other);
    expect(run.state.ctx.test).toBe(true);
    expect(run.state.end).toEqual({ reason: 'completed', nodeId: 'trigger' });
  });

  it('starts a schedule-triggered run without an event', () => {
    const ref = refOf(graphOf([['trigger', 'trigger.inactivity', { days: 90 }], ['bye', 'flow.exit', { reason: 'win-back' }]], ['trigger->bye']));
    const run = startRun(ref, { runId: 'r', contact, now: at(T0) });
    expect(run.steps.map((s) => [s.nodeId, s.outcome, s.detail])).toEqual([
      ['trigger', 'started', undefined],
      ['bye', 'exited', 'win-back'],
    ]);
    expect(run.state.ctx.event).toBeUndefined();
    expect(run.commands).toEqual([{ kind: 'done', reason: 'exited', nodeId: 'bye', detail: 'win-back' }]);
  });

  it('fails, never throws, for flows it cannot run', () => {
    const cases: [ReturnType<typeof graphOf>, { reason: string; nodeId?: string; detail: string }][] = [
      [graphOf([['a', 'wait.delay', { duration: 'PT1H' }]], []), { reason: 'failed', detail: 'the flow has no trigger node' }],
      [
        graphOf([['t1', 'trigger.event', { event: 'order.created' }], ['t2', 'trigger.event', { event: 'order.paid' }]], []),
        { reason: 'failed', detail: 'the flow has 2 trigger nodes (t1, t2); it needs exactly one' },
      ],
      [
        graphOf([['trigger', 'trigger.event', { event: 'order.created' }], ['x', 'acme.unknown']], ['trigger->x']),
        { reason: 'failed', nodeId: 'x', detail: 'node "x" has the unknown type "acme.unknown"' },
      ],
      [
        graphOf([['trigger', 'trigger.event', { event: 'order.created' }], ['sms1', 'action.sendSms', { body: '' }]], ['trigger->sms1']),
        { reason: 'failed', nodeId: 'sms1', detail: 'node "sms1" (action.sendSms) has an invalid config: body: the message is empty' },
      ],
      [
        graphOf([['trigger', 'trigger.event', { event: 'order.created' }]], ['trigger->ghost']),
        { reason: 'failed', nodeId: 'ghost', detail: 'the flow leads to node "ghost", which does not exist' },
      ],
    ];
    for (const [graph, end] of cases) {
      const run = startRun(refOf(graph), { runId: 'r', contact, trigger: created, now: at(T0) });
      expect(run.state.status).toBe('done');
      expect(run.state.end).toEqual(end);
      expect(run.commands).toEqual([{ kind: 'done', ...end }]);
    }
  });

  it('records a failed step at the node that cannot run', () => {
    const ref = refOf(graphOf([['trigger', 'trigger.event', { event: 'order.created' }], ['x', 'acme.unknown']], ['trigger->x']));
    const run = startRun(ref, { runId: 'r', contact, trigger: created, now: at(T0) });
    expect(run.steps[1]).toEqual({ at: T0, nodeId: 'x', type: 'acme.unknown', visit: 1, outcome: 'failed', detail: 'node "x" has the unknown type "acme.unknown"' });
  });

  it('fails a node whose callback throws, naming it', () => {
    const broken = defineNode({
      type: 'acme.broken',
      title: 'Broken',
      description: 'Throws',
      category: 'condition',
      icon: 'x',
      color: '#000000',
      version: 1,
      configSchema: z.object({}),
      defaults: {},
      outputs: () => [NEXT],
      summary: () => 'Broken',
      behavior: {
        kind: 'branch',
        choose: () => {
          throw new Error('cannot read the date');
        },
      },
    });
    const ref = refOf(graphOf([['trigger', 'trigger.event', { event: 'order.created' }], ['b', 'acme.broken']], ['trigger->b']), builtinRegistry.extend([broken]));
    const run = startRun(ref, { runId: 'r', contact, trigger: created, now: at(T0) });
    expect(run.state.end).toEqual({ reason: 'failed', nodeId: 'b', detail: 'node "b" (acme.broken) stopped with an error: cannot read the date' });
  });

  it('stops a loop without a wait after 1,000 node entries', () => {
    const rules = { rules: [{ field: 'contact.id', op: 'exists' }] };
    const ref = refOf(graphOf([['trigger', 'trigger.event', { event: 'order.created' }], ['a', 'condition.rules', rules], ['b', 'condition.rules', rules]], ['trigger->a', 'a:yes->b', 'b:yes->a']));
    const run = startRun(ref, { runId: 'r', contact, trigger: created, now: at(T0) });
    expect(run.state.end).toEqual({ reason: 'failed', nodeId: 'b', detail: 'loop without a wait at node b' });
    expect(run.steps).toHaveLength(1000);
  });
});
