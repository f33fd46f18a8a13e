import { describe, expect, it } from 'vitest';
import { startRun } from './start-run';
import { at, contact, eventOf, feed, graphOf, order, refOf } from './test-flows';
import type { Advance } from './types';

/*
 * "Wait up to 1 h for order.paid; if not, SMS a reminder" in a flow whose marketing messages go
 * out 08:00–20:00 in the contact's zone (Europe/Prague). The order comes on Friday 9 January 2026
 * at 22:00 there (21:00 UTC): the wait gives up at 23:00, and the reminder could not go before
 * Saturday 08:00 (07:00 UTC).
 */

const created = eventOf('order.created', '2026-01-09T21:00:00.000Z', { order });
const paidAt = (iso: string) => eventOf('order.paid', iso, { order });
const window = { from: '08:00', to: '20:00', timezone: 'contact' };
const outcomes = (a: Advance) => a.steps.map((s) => `${s.nodeId}:${s.outcome}${s.detail ? ` (${s.detail})` : ''}`);
const kinds = (a: Advance) => a.commands.map((c) => (c.kind === 'effect' ? `effect ${c.nodeId}` : c.kind === 'sleep' || c.kind === 'waitForEvent' ? `${c.kind} until ${c.until}` : c.kind));

function reminderFlow(sms: Record<string, unknown> = {}, timeoutTo = 'sms') {
  return graphOf(
    [
      ['trigger', 'trigger.event', { event: 'order.created' }],
      ['wait', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT1H' }],
      ['sms', 'action.sendSms', { body: 'Still waiting for your payment', ...sms }],
      ['tag', 'action.tag', { add: ['reminded'] }],
      ['thanks', 'action.tag', { add: ['paid'] }],
    ],
    ['trigger->wait', `wait:timeout->${timeoutTo}`, 'wait:event->thanks'],
    { sendWindow: window },
  );
}

function started(ref = refOf(reminderFlow())) {
  return { ref, first: startRun(ref, { runId: 'r', contact, trigger: created, now: at('2026-01-09T21:00:00Z') }) };
}

describe('a wait whose timeout leads to a message the send window holds', () => {
  it('keeps listening for its event until the window opens, then times out and the message goes at once', () => {
    const { ref, first } = started();
    expect(kinds(first)).toEqual(['waitForEvent until 2026-01-09T22:00:00.000Z']);
    const [late, opening] = feed(ref, first, [
      [{ kind: 'timer' }, '2026-01-09T22:00:00Z'],
      [{ kind: 'timer' }, '2026-01-10T07:00:00Z'],
    ]);
    expect(outcomes(late!)).toEqual(['wait:waiting (until 2026-01-10T07:00:00.000Z for order.paid (the send window of the next message is closed))']);
    expect(kinds(late!)).toEqual(['waitForEvent until 2026-01-10T07:00:00.000Z']);
    expect(late!.state.pending).toEqual({ kind: 'event', match: expect.objectContaining({ type: 'order.paid' }), until: '2026-01-10T07:00:00.000Z', nodeId: 'wait', visit: 1 });
    expect(outcomes(opening!)).toEqual(['wait:timeout']);
    expect(kinds(opening!)).toEqual(['effect sms']);
  });

  it('takes the "paid" branch when the payment comes at midnight, while the reminder would have been held', () => {
    const { ref, first } = started();
    const [, paid] = feed(ref, first, [
      [{ kind: 'timer' }, '2026-01-09T22:00:00Z'],
      [{ kind: 'event', event: paidAt('2026-01-09T23:10:00.000Z') }, '2026-01-09T23:10:00Z'],
    ]);
    expect(outcomes(paid!)).toEqual(['wait:event (order.paid)']);
    expect(kinds(paid!)).toEqual(['effect thanks']);
  });

  it('times out at once where the message may go now: inside the window, a transactional message, a node sending at any time', () => {
    const ref = refOf(reminderFlow());
    const morning = startRun(ref, { runId: 'r', contact, trigger: eventOf('order.created', '2026-01-09T09:00:00.000Z', { order }), now: at('2026-01-09T09:00:00Z') });
    const [daytime] = feed(ref, morning, [[{ kind: 'timer' }, '2026-01-09T10:00:00Z']]);
    expect(outcomes(daytime!)).toEqual(['wait:timeout']);
    for (const sms of [{ transactional: true }, { sendWindow: { mode: 'anyTime' } }]) {
      const { ref, first } = started(refOf(reminderFlow(sms)));
      const [late] = feed(ref, first, [[{ kind: 'timer' }, '2026-01-09T22:00:00Z']]);
      expect(outcomes(late!)).toEqual(['wait:timeout']);
      expect(kinds(late!)).toEqual(['effect sms']);
    }
  });

  it('looks at the next node only: a timeout into anything but a message is not held', () => {
    const { ref, first } = started(refOf(reminderFlow({}, 'tag')));
    const [late] = feed(ref, first, [[{ kind: 'timer' }, '2026-01-09T22:00:00Z']]);
    expect(outcomes(late!)).toEqual(['wait:timeout']);
    expect(kinds(late!)).toEqual(['effect tag']);
  });

  it('runs that began before this behaviour keep the old one: timeout at once, reminder held, a payment meanwhile kept for later', () => {
    const base = refOf(reminderFlow());
    const { ref, first } = started({ ...base, legacy: { timeoutIgnoresSendWindow: true } });
    const [late, paid, opening] = feed(ref, first, [
      [{ kind: 'timer' }, '2026-01-09T22:00:00Z'],
      [{ kind: 'event', event: paidAt('2026-01-09T23:10:00.000Z') }, '2026-01-09T23:10:00Z'],
      [{ kind: 'timer' }, '2026-01-10T07:00:00Z'],
    ]);
    expect(outcomes(late!)).toEqual(['wait:timeout', 'sms:delayed (send window)']);
    expect(kinds(late!)).toEqual(['sleep until 2026-01-10T07:00:00.000Z']);
    expect(paid!.state.inbox.map((e) => e.type)).toEqual(['order.paid']);
    expect(kinds(opening!)).toEqual(['effect sms']);
  });
});
