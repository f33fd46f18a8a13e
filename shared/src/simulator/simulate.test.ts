import { describe, expect, it } from 'vitest';
import { graphOf } from '../interpreter/test-flows';
import { formatTimeline } from './format-timeline';
import type { ScenarioInput } from './scenario';
import { simulate } from './simulate';

const DAY = 86400;
const contact = { id: 'c1', firstName: 'Eva', email: 'eva@example.com', phone: '+420777000111', consent: { email: true, sms: true } };
const created = { atSeconds: 0, type: 'order.created', order: { id: 'o1', number: '1001', total: 990 } };
const trigger = ['trigger', 'trigger.event', { event: 'order.created' }] as const;

const reminder = graphOf(
  [[...trigger], ['paid', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }], ['sms1', 'action.sendSms', { body: 'Your order {{ order.number }} is waiting' }], ['thanks', 'flow.exit', { reason: 'paid' }]],
  ['trigger->paid', 'paid:event->thanks', 'paid:timeout->sms1'],
);

describe('simulate: payment reminder', () => {
  it('sends the SMS after 24 h when the order stays unpaid', () => {
    const result = simulate(reminder, { contact, events: [created] });
    expect(result).toEqual({
      steps: [
        { atSeconds: 0, nodeId: 'trigger', type: 'trigger.event', outcome: 'started', detail: 'order.created' },
        { atSeconds: 0, nodeId: 'paid', type: 'wait.untilEvent', outcome: 'waiting', detail: 'until +24h for order.paid' },
        { atSeconds: DAY, nodeId: 'paid', type: 'wait.untilEvent', outcome: 'timeout' },
        { atSeconds: DAY, nodeId: 'sms1', type: 'action.sendSms', outcome: 'sent' },
      ],
      actions: [{ atSeconds: DAY, nodeId: 'sms1', type: 'action.sendSms', channel: 'sms', to: '+420777000111', body: 'Your order 1001 is waiting', status: 'sent' }],
      end: { atSeconds: DAY, reason: 'completed', nodeId: 'sms1' },
    });
    const lines = formatTimeline(result, reminder).split('\n');
    expect(lines[3]).toBe("+24h      sms1     SMS to +420777000111 'Your order 1001 is waiting'");
    expect(lines[4]).toBe('+24h      end: completed at sms1');
    expect(lines[1]).toBe('+0s       paid     Wait up to 24 h for order.paid: waiting until +24h for order.paid');
  });

  it('takes the "event" path and sends nothing when paid after 2 h', () => {
    const result = simulate(reminder, { contact, events: [created, { atSeconds: 7200, type: 'order.paid', order: { id: 'o1', paymentStatus: 'paid' } }] });
    expect(result.steps.slice(2)).toEqual([
      { atSeconds: 7200, nodeId: 'paid', type: 'wait.untilEvent', outcome: 'event', detail: 'order.paid' },
      { atSeconds: 7200, nodeId: 'thanks', type: 'flow.exit', outcome: 'exited', detail: 'paid' },
    ]);
    expect(result.actions).toEqual([]);
    expect(result.end).toEqual({ atSeconds: 7200, reason: 'exited', nodeId: 'thanks', detail: 'paid' });
    expect(formatTimeline(result, reminder).split('\n').slice(-2)).toEqual(['+2h       thanks   Exit: paid: exited (paid)', '+2h       end: exited at thanks (paid)']);
  });

  it('counts a payment at the very second the reminder is due: scripted events go before timers', () => {
    const result = simulate(reminder, { contact, events: [created, { atSeconds: DAY, type: 'order.paid', order: { id: 'o1' } }] });
    expect(result.end).toEqual({ atSeconds: DAY, reason: 'exited', nodeId: 'thanks', detail: 'paid' });
  });

  it('skips the SMS without consent, and says so', () => {
    const result = simulate(reminder, { contact: { ...contact, consent: { sms: false } }, events: [created] });
    expect(result.actions).toEqual([{ atSeconds: DAY, nodeId: 'sms1', type: 'action.sendSms', channel: 'sms', to: '+420777000111', status: 'skipped', reason: 'no consent' }]);
    expect(result.steps[3]).toEqual({ atSeconds: DAY, nodeId: 'sms1', type: 'action.sendSms', outcome: 'skipped', detail: 'no consent' });
    expect(formatTimeline(result, reminder).split('\n')[3]).toBe('+24h      sms1     SMS to +420777000111 — skipped: no consent');
  });
});

describe('simulate: start and end', () => {
  it('reports notStarted when no event fires the trigger', () => {
    const result = simulate(reminder, { contact, events: [{ atSeconds: 60, type: 'cart.updated' }], horizonSeconds: 3600 });
    expect(result).toEqual({ steps: [], actions: [], end: { atSeconds: 3600, reason: 'notStarted', detail: 'no order.created event started the flow' } });
    expect(formatTimeline(result, reminder)).toBe('+1h       end: notStarted (no order.created event started the flow)');
  });

  it('reports waiting when the run is still pending at the horizon', () => {
    const g = graphOf([[...trigger], ['wait', 'wait.delay', { duration: 'P60D' }]], ['trigger->wait']);
    expect(simulate(g, { contact, events: [created] }).end).toEqual({ atSeconds: 30 * DAY, reason: 'waiting', nodeId: 'wait', detail: 'until +60d' });
  });

  it('starts an inactivity flow when the fire time comes, and re-plans when an order moves it', () => {
    const g = graphOf([['trigger', 'trigger.inactivity', { days: 90 }], ['bye', 'flow.exit', { reason: 'win-back' }]], ['trigger->bye']);
    const quiet: ScenarioInput = { contact: { ...contact, lastOrderAt: '2025-10-08T08:00:00Z' }, events: [] };
    expect(simulate(g, quiet).steps[0]).toEqual({ atSeconds: DAY, nodeId: 'trigger', type: 'trigger.inactivity', outcome: 'started' });
    const ordered = simulate(g, { ...quiet, events: [{ atSeconds: 3600, type: 'order.created', order: { id: 'o2' } }] });
    expect(ordered.end).toEqual({ atSeconds: 30 * DAY, reason: 'notStarted', detail: 'the trigger would fire at +90d 1h, after the horizon' });
  });

  it('starts a date flow from the order an event brought', () => {
    const g = graphOf([['trigger', 'trigger.date', { field: 'order.deliveryDate', offsetDays: 2, time: '10:00', timezone: 'UTC' }], ['bye', 'flow.exit', {}]], ['trigger->bye']);
    const result = simulate(g, { contact, events: [{ atSeconds: 0, type: 'order.shipped', order: { id: 'o1', deliveryDate: '2026-01-06' } }] });
    // Delivery on the 6th, two days later at 10:00 UTC: the 8th, 3 days and 2 hours after 08:00 on the 5th.
    expect(result.steps[0]?.atSeconds).toBe(3 * DAY + 7200);
    expect(result.end).toEqual({ atSeconds: 3 * DAY + 7200, reason: 'exited', nodeId: 'bye', detail: 'done' });
  });

  it('stops a runaway flow at the input limit', () => {
    const g = graphOf([[...trigger], ['tick', 'wait.delay', { duration: 'PT1S' }]], ['trigger->tick', 'tick->tick']);
    expect(simulate(g, { contact, events: [created] }).end).toEqual({ atSeconds: 10000, reason: 'failed', detail: 'simulation limit' });
  });

  it('reports a flow that cannot start', () => {
    const g = graphOf([['x', 'acme.unknown']], []);
    expect(simulate(g, { contact, events: [created] }).end).toEqual({ atSeconds: 0, reason: 'failed', detail: 'the flow has no trigger node' });
  });
});

describe('simulate: the contact as events change it', () => {
  const vip = graphOf(
    [
      ['trigger', 'trigger.event', { event: 'order.created', filter: { match: 'all', rules: [{ field: 'contact.orderCount', op: 'gte', value: 5 }] } }],
      ['bye', 'flow.exit', { reason: 'vip' }],
    ],
    ['trigger->bye'],
  );

  it('counts an order.created like ingestion does: the 5th order starts a "5th order" flow', () => {
    const result = simulate(vip, { contact: { ...contact, orderCount: 4 }, events: [created] });
    expect(result.end).toEqual({ atSeconds: 0, reason: 'exited', nodeId: 'bye', detail: 'vip' });
  });

  it('takes the shop’s own figures when the event brings them', () => {
    const told = { ...created, contact: { orderCount: 3, firstName: 'Evička' } };
    expect(simulate(vip, { contact: { ...contact, orderCount: 4 }, events: [told] }).end.reason).toBe('notStarted');
    const five = { ...created, contact: { orderCount: 5 } };
    expect(simulate(vip, { contact, events: [five] }).end.reason).toBe('exited');
  });
});
