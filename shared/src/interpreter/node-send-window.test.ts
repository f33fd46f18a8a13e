import { describe, expect, it } from 'vitest';
import { startRun } from './start-run';
import { at, contact, eventOf, feed, graphOf, order, refOf } from './test-flows';
import type { Advance } from './types';

/*
 * A message node's own send window, and the cap an effect command carries to the worker. Contact
 * in Europe/Prague; Friday 9 January 2026 22:00 there is 21:00 UTC.
 */

const friday22 = '2026-01-09T21:00:00.000Z';
const created = eventOf('order.created', friday22, { order });
const trigger = ['trigger', 'trigger.event', { event: 'order.created' }] as const;
const flowWindow = { from: '09:00', to: '20:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'], timezone: 'contact' };
const ctx = { flow: { id: 'flow-1', name: 'Test flow' }, runId: 'r', contact, order, event: created, trigger: created, codes: {} };
const outcomes = (a: Advance) => a.steps.map((s) => `${s.nodeId}:${s.outcome}${s.detail ? ` (${s.detail})` : ''}`);

function run(sms: Record<string, unknown>, settings: Record<string, unknown> = { sendWindow: flowWindow }) {
  const ref = refOf(graphOf([[...trigger], ['sms1', 'action.sendSms', { body: 'Hi', ...sms }]], ['trigger->sms1'], settings));
  return { ref, started: startRun(ref, { runId: 'r', contact, trigger: created, now: at(friday22) }) };
}

describe('a message node’s own send window', () => {
  it('without one, a node behaves exactly as before nodes could choose (the commands recorded histories expect)', () => {
    const { ref, started } = run({});
    expect(outcomes(started)).toEqual(['trigger:started (order.created)', 'sms1:delayed (send window)']);
    expect(started.commands).toEqual([{ kind: 'sleep', until: '2026-01-12T08:00:00.000Z' }]);
    const [opened] = feed(ref, started, [[{ kind: 'timer' }, '2026-01-12T08:00:00Z']]);
    expect(opened!.commands).toEqual([
      {
        kind: 'effect',
        id: 'sms1:1:1',
        nodeId: 'sms1',
        visit: 1,
        type: 'action.sendSms',
        config: { body: 'Hi', transactional: false },
        configVersion: 1,
        at: '2026-01-12T08:00:00.000Z',
        idempotencyKey: 'r:sms1:1',
        message: { channel: 'sms', marketing: true },
        context: ctx,
      },
    ]);
    // "Follow the flow" said out loud is the same as saying nothing.
    expect(run({ sendWindow: { mode: 'flow' } }).started.commands).toEqual(started.commands);
  });

  it('"any time" sends at once although the flow’s window is closed', () => {
    const { started } = run({ sendWindow: { mode: 'anyTime' } });
    expect(outcomes(started)).toEqual(['trigger:started (order.created)']);
    expect(started.commands).toEqual([expect.objectContaining({ kind: 'effect', id: 'sms1:1:1', message: { channel: 'sms', marketing: true, sendWindow: 'anyTime' } })]);
  });

  it('its own window replaces the flow’s: weekend mornings send on Saturday at 10:00 instead of Monday at 09:00', () => {
    const own = { mode: 'own', days: ['sat', 'sun'], from: '10:00', to: '12:00' };
    const { ref, started } = run({ sendWindow: own });
    expect(outcomes(started)).toEqual(['trigger:started (order.created)', 'sms1:delayed (send window)']);
    expect(started.commands).toEqual([{ kind: 'sleep', until: '2026-01-10T09:00:00.000Z' }]);
    expect(started.state.pending).toEqual({ kind: 'sleep', until: '2026-01-10T09:00:00.000Z', nodeId: 'sms1', visit: 1, purpose: 'window' });
    const [opened] = feed(ref, started, [[{ kind: 'timer' }, '2026-01-10T09:00:00Z']]);
    expect(opened!.commands).toEqual([expect.objectContaining({ kind: 'effect', id: 'sms1:1:1', idempotencyKey: 'r:sms1:1' })]);
  });

  it('holds a transactional message too (the flow’s window would not), in the window’s own zone', () => {
    const own = { mode: 'own', from: '08:00', to: '21:00', timezone: 'America/New_York' };
    // 16:00 in New York: inside.
    expect(run({ transactional: true, sendWindow: own }, {}).started.commands).toEqual([expect.objectContaining({ kind: 'effect' })]);
    expect(run({ transactional: true }).started.commands).toEqual([expect.objectContaining({ kind: 'effect' })]);
    // Closed at 16:00 in New York: the next 08:00 there (UTC-5) is Saturday 13:00 UTC.
    expect(run({ transactional: true, sendWindow: { ...own, to: '12:00' } }, {}).started.commands).toEqual([{ kind: 'sleep', until: '2026-01-10T13:00:00.000Z' }]);
  });

  it('a marketing message held by its own window still asks about the frequency cap when the window opens', () => {
    const { ref, started } = run({ sendWindow: { mode: 'own', days: ['sat'], from: '10:00', to: '12:00' } }, { frequencyCap: { max: 1, perSeconds: 86400 } });
    const [opened] = feed(ref, started, [[{ kind: 'timer' }, '2026-01-10T09:00:00Z']]);
    expect(opened!.commands).toEqual([{ kind: 'lookup', id: 'sms1:1:1', nodeId: 'sms1', visit: 1, query: { type: 'recentMessages', sinceSeconds: 86400 } }]);
  });
});

describe('the cap an effect command carries', () => {
  const capped = { frequencyCap: { max: 2, perSeconds: 3600, onLimit: 'delay' } };
  const effectOf = (sms: Record<string, unknown>, settings: Record<string, unknown>) => {
    const { ref, started } = run(sms, settings);
    const first = started.commands[0];
    if (first?.kind !== 'lookup') return first;
    const [sent] = feed(ref, started, [[{ kind: 'lookupResult', commandId: first.id, answer: { sentAt: [] } }, friday22]]);
    return sent!.commands[0];
  };

  it('is the flow’s cap (without onLimit) on a marketing message, for the worker to check again as it records it', () => {
    expect(effectOf({}, capped)).toMatchObject({ kind: 'effect', id: 'sms1:1:2', cap: { max: 2, perSeconds: 3600 } });
  });

  it('is absent on transactional messages and in flows without a cap', () => {
    expect(effectOf({ transactional: true }, capped)).not.toHaveProperty('cap');
    expect(effectOf({}, {})).not.toHaveProperty('cap');
    expect(effectOf({}, {})).toMatchObject({ kind: 'effect', id: 'sms1:1:1' });
  });
});
