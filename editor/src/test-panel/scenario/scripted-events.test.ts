import { scenarioSchema } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { addScriptedEvent, enabledScenario, offsetSeconds, removeScriptedEvent, scriptedEvents } from './scripted-events';

const order = { id: 'o1', number: '1001', paymentStatus: 'unpaid', total: 349 };
const doc = {
  contact: { id: 'c1' },
  events: [
    { atSeconds: 0, type: 'order.created', order },
    { atSeconds: 86400, type: 'email.opened' },
  ],
};

describe('scripted events', () => {
  it('lists the events with a label and a key that survives edits elsewhere', () => {
    expect(scriptedEvents(doc)).toEqual([
      { index: 0, key: 'order.created@0#0', type: 'order.created', atSeconds: 0, label: 'order.created at +0 h' },
      { index: 1, key: 'email.opened@86400#0', type: 'email.opened', atSeconds: 86400, label: 'email.opened at +24 h' },
    ]);
    const twice = addScriptedEvent(addScriptedEvent(doc, 'customer.login', 60), 'customer.login', 60);
    expect(scriptedEvents(twice).map((e) => e.key)).toEqual(['order.created@0#0', 'customer.login@60#0', 'customer.login@60#1', 'email.opened@86400#0']);
    expect(scriptedEvents({ contact: { id: 'c1' } })).toEqual([]);
  });

  it('adds an order event about the scenario’s order, in time order, without touching the original', () => {
    const added = addScriptedEvent(doc, 'order.paid', offsetSeconds(2, 'hours'));
    expect(added.events).toEqual([
      { atSeconds: 0, type: 'order.created', order },
      { atSeconds: 7200, type: 'order.paid', order: { ...order, paymentStatus: 'paid' } },
      { atSeconds: 86400, type: 'email.opened' },
    ]);
    expect(doc.events).toHaveLength(2);
    expect(addScriptedEvent(doc, 'order.shipped', 90000).events).toContainEqual({ atSeconds: 90000, type: 'order.shipped', order });
    expect(addScriptedEvent(doc, 'customer.login', 0).events).toEqual([...doc.events.slice(0, 1), { atSeconds: 0, type: 'customer.login' }, ...doc.events.slice(1)]);
  });

  it('removes an event by its place', () => {
    expect(removeScriptedEvent(doc, 0)).toEqual({ contact: { id: 'c1' }, events: [{ atSeconds: 86400, type: 'email.opened' }] });
  });

  it('leaves the events switched off out of the scenario to run', () => {
    const added = addScriptedEvent(doc, 'order.paid', 7200);
    const scenario = scenarioSchema.parse(added);
    expect(enabledScenario(scenario, added, new Set()).events).toHaveLength(3);
    const run = enabledScenario(scenario, added, new Set(['order.paid@7200#0', 'nothing@1#0']));
    expect(run.events?.map((e) => e.type)).toEqual(['order.created', 'email.opened']);
  });

  it('converts offsets with units to seconds', () => {
    expect(offsetSeconds(30, 'minutes')).toBe(1800);
    expect(offsetSeconds(1.5, 'hours')).toBe(5400);
    expect(offsetSeconds(3, 'days')).toBe(259200);
  });
});
