import { describe, expect, it } from 'vitest';
import type { FlowVersion } from '../db';
import { graphOf } from '../temporal/test-flows';
import { compileRoutable } from './routable-flow';

const version = (graph: FlowVersion['graph']): FlowVersion => ({ flowId: 'f1', version: 3, graph, nodeTypes: [], publishedAt: '2026-03-02T10:00:00Z' });

describe('compileRoutable', () => {
  it('reads an event trigger with its parsed config and the settings with their defaults', () => {
    const graph = graphOf('Paid', [['t', 'trigger.event', { event: 'order.paid' }]], [], { runPer: 'order' });
    const compiled = compileRoutable(version(graph));
    if (!compiled.ok) throw new Error(compiled.problem);
    expect(compiled.flow).toMatchObject({ flowId: 'f1', version: 3, name: 'Paid', graph, trigger: { kind: 'eventTrigger', nodeId: 't', nodeType: 'trigger.event', config: { event: 'order.paid' } } });
    expect(compiled.flow.settings).toMatchObject({ reentry: 'once', runPer: 'order' });
    const { trigger } = compiled.flow;
    if (trigger.kind !== 'eventTrigger') throw new Error('expected an event trigger');
    const event = { id: 'e1', type: 'order.paid', occurredAt: '2026-03-02T10:00:00Z', contact: { id: 'c1' } };
    expect(trigger.behavior.matches(trigger.config, event)).toBe(true);
    expect(trigger.behavior.matches(trigger.config, { ...event, type: 'order.created' })).toBe(false);
  });

  it('reads a date trigger with its defaults filled in', () => {
    const compiled = compileRoutable(version(graphOf('Birthday', [['t', 'trigger.date', { field: 'contact.birthday', yearly: true }]], [])));
    expect(compiled.ok && compiled.flow.trigger).toMatchObject({
      kind: 'scheduleTrigger',
      config: { field: 'contact.birthday', offsetDays: 0, time: '09:00', timezone: 'contact', yearly: true },
    });
  });

  it('names what keeps a version from starting runs', () => {
    expect(compileRoutable(version(graphOf('Empty', [['tag', 'action.tag', { add: ['x'] }]], [])))).toEqual({ ok: false, problem: 'the flow has no trigger node' });
    expect(compileRoutable(version(graphOf('Bad', [['t', 'trigger.event', { event: 'Not An Event' }]], [])))).toEqual({
      ok: false,
      problem: expect.stringMatching(/^node "t" \(trigger\.event\) has an invalid config: event: /),
    });
  });
});
