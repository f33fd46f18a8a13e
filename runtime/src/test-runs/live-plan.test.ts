import { scenarioSchema, type FlowGraph, type ScenarioInput } from '@nudgeflow/shared';
import { findTemplate } from '@nudgeflow/shared/templates';
import { describe, expect, it } from 'vitest';
import { graphOf } from '../temporal/test-flows';
import { planLiveRun } from './live-plan';

const reminder = findTemplate('eproduct-payment-reminder');
if (!reminder) throw new Error('the e-book payment reminder template is missing');
const order = reminder.scenario.events[0]?.order;

const plan = (graph: FlowGraph, scenario: ScenarioInput) => planLiveRun(graph, scenarioSchema.parse(scenario), 'test-trun_1');

describe('planLiveRun', () => {
  it('starts on the event the trigger accepts, as the test contact, and schedules the later events from there', () => {
    const scenario = {
      ...reminder.scenario,
      events: [
        { atSeconds: 600, type: 'product.viewed', contact: { firstName: 'Janička' } },
        { atSeconds: 3600, type: 'order.created', order },
        { atSeconds: 3600 + 7200, type: 'order.paid', order: { ...order, paymentStatus: 'paid' } },
      ],
    } as ScenarioInput;
    const planned = plan(reminder.graph, scenario);
    if (planned.kind !== 'start') throw new Error(`expected a start, got ${JSON.stringify(planned)}`);
    expect(planned.startSeconds).toBe(3600);
    // What came before the trigger changed the contact, as in the simulation; the id is the test contact's.
    expect(planned.contact).toMatchObject({ id: 'test-trun_1', firstName: 'Janička', email: 'jana.novakova@example.com', orderCount: 1 });
    expect(planned.trigger).toMatchObject({ id: 'sim-1', type: 'order.created', occurredAt: '2025-03-10T09:00:00.000Z', order: { id: 'ord-5001' }, contact: { id: 'test-trun_1' } });
    expect(planned.order?.id).toBe('ord-5001');
    expect(planned.scheduled.map((s) => [s.atSeconds, s.event.id, s.event.type, s.event.contact.id])).toEqual([[7200, 'sim-2', 'order.paid', 'test-trun_1']]);
  });

  it('leaves out events past the horizon', () => {
    const scenario = { ...reminder.scenario, horizonSeconds: 3600, events: [reminder.scenario.events[0], { atSeconds: 7200, type: 'order.paid', order }] } as ScenarioInput;
    const planned = plan(reminder.graph, scenario);
    expect(planned.kind === 'start' && planned.scheduled).toEqual([]);
  });

  it('ends at once, as the simulation does, when no event starts the flow', () => {
    const scenario = { ...reminder.scenario, events: [{ atSeconds: 0, type: 'cart.updated' }] } as ScenarioInput;
    expect(plan(reminder.graph, scenario)).toEqual({
      kind: 'ended',
      end: { atSeconds: 30 * 86400, reason: 'notStarted', detail: 'no order.created event started the flow' },
    });
  });

  it('starts a date-triggered flow at its fire time, without a trigger event', () => {
    const graph = graphOf('Birthday', [['trigger', 'trigger.date', { field: 'contact.birthday', offsetDays: 0, time: '09:00', timezone: 'UTC', yearly: true }]], []);
    const planned = plan(graph, { contact: { id: 'c1', birthday: '1990-01-07', tags: [] }, now: '2026-01-05T08:00:00Z' });
    if (planned.kind !== 'start') throw new Error(`expected a start, got ${JSON.stringify(planned)}`);
    expect(planned.startSeconds).toBe(2 * 86400 + 3600);
    expect(planned.trigger).toBeUndefined();
    expect(planned.contact.id).toBe('test-trun_1');
  });
});
