import { describe, expect, it } from 'vitest';
import { graphOf, type NodeSpec } from '../interpreter/test-flows';
import { formatTimeline } from './format-timeline';
import { simulate } from './simulate';

const contact = { id: 'c1', firstName: 'Eva', phone: '+420777000111', timezone: 'Europe/Prague', consent: { sms: true }, tags: [] };
const trigger: NodeSpec = ['trigger', 'trigger.event', { event: 'customer.registered' }];
// The simulation starts at 09:00 in Prague: eleven hours in is 20:00 there.
const registeredAt20 = { atSeconds: 11 * 3600, type: 'customer.registered' };

describe('a node’s own send window in the simulator', () => {
  it('holds a transactional SMS until its own window opens, in a flow without one', () => {
    const sms: NodeSpec = ['sms', 'action.sendSms', { body: 'Your code is ready', transactional: true, sendWindow: { mode: 'own', from: '09:00', to: '17:00' } }];
    const graph = graphOf([trigger, sms], ['trigger->sms']);
    const result = simulate(graph, { contact, events: [registeredAt20] });
    expect(result.steps.map((s) => [s.atSeconds, s.nodeId, s.outcome, s.detail])).toEqual([
      [11 * 3600, 'trigger', 'started', 'customer.registered'],
      [11 * 3600, 'sms', 'delayed', 'send window'],
      [24 * 3600, 'sms', 'sent', undefined],
    ]);
    expect(formatTimeline(result, graph).split('\n')).toEqual([
      '+11h      trigger  When customer.registered: started (customer.registered)',
      '+11h      sms      SMS · 09:00–17:00: “Your code is ready”: delayed (send window)',
      "+24h      sms      SMS to +420777000111 'Your code is ready'",
      '+24h      end: completed at sms',
    ]);
  });

  it('sends a marketing SMS set to "any time" at once, although the flow’s window is closed', () => {
    const sms: NodeSpec = ['sms', 'action.sendSms', { body: 'Welcome', sendWindow: { mode: 'anyTime' } }];
    const graph = graphOf([trigger, sms], ['trigger->sms'], { sendWindow: { from: '09:00', to: '17:00' } });
    const result = simulate(graph, { contact, events: [registeredAt20] });
    expect(result.actions.map((a) => [a.atSeconds, a.nodeId, a.status])).toEqual([[11 * 3600, 'sms', 'sent']]);
  });
});
