import { describe, expect, it } from 'vitest';
import { advanceRun } from './advance-run';
import { branchRandom, hashToUnit } from './random';
import { startRun } from './start-run';
import { at, contact, eventOf, feed, graphOf, order, refOf } from './test-flows';
import type { Advance } from './types';

const T0 = '2026-01-05T10:00:00.000Z';
const created = eventOf('order.created', T0, { order });
const trigger = ['trigger', 'trigger.event', { event: 'order.created' }] as const;
const outcomes = (a: Advance) => a.steps.map((s) => `${s.nodeId}:${s.outcome}${s.detail ? ` (${s.detail})` : ''}`);
const paidEvent = (when: string, extra = {}) => eventOf('order.paid', when, { order: { ...order, paymentStatus: 'paid' }, ...extra });

describe('payment reminder', () => {
  // Remind after each unpaid day; the second reminder is the last.
  const graph = graphOf(
    [
      [...trigger],
      ['paid', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }],
      ['sms1', 'action.sendSms', { body: 'Order {{ order.number }} is waiting' }],
      ['reminded', 'condition.rules', { rules: [{ field: 'contact.tags', op: 'contains', value: 'reminded' }] }],
      ['tag', 'action.tag', { add: ['reminded'] }],
      ['thanks', 'flow.exit', { reason: 'paid' }],
      ['giveUp', 'flow.exit', { reason: 'gave up' }],
    ],
    ['trigger->paid', 'paid:event->thanks', 'paid:timeout->sms1', 'sms1->reminded', 'reminded:no->tag', 'reminded:yes->giveUp', 'tag->paid'],
  );
  const ref = refOf(graph);
  const start = () => startRun(ref, { runId: 'run-1', contact, trigger: created, now: at(T0) });

  it('reminds twice, a day apart, then exits', () => {
    const steps = feed(ref, start(), [
      [{ kind: 'timer' }, '2026-01-06T10:00:00Z'],
      [{ kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent' } }, '2026-01-06T10:00:01Z'],
      [{ kind: 'effectResult', commandId: 'tag:1:2', result: { status: 'done', patch: { contact: { tags: ['reminded'] } } } }, '2026-01-06T10:00:02Z'],
      [{ kind: 'timer' }, '2026-01-07T10:00:02Z'],
      [{ kind: 'effectResult', commandId: 'sms1:2:3', result: { status: 'sent' } }, '2026-01-07T10:00:03Z'],
    ]);
    expect(steps.map(outcomes)).toEqual([
      ['paid:timeout'],
      ['sms1:sent', 'reminded:no'],
      ['tag:done', 'paid:waiting (until 2026-01-07T10:00:02.000Z for order.paid)'],
      ['paid:timeout'],
      ['sms1:sent', 'reminded:yes', 'giveUp:exited (gave up)'],
    ]);
    expect(steps[3]!.commands).toEqual([expect.objectContaining({ kind: 'effect', id: 'sms1:2:3', visit: 2, idempotencyKey: 'run-1:sms1:2' })]);
    expect(steps[4]!.state.visits).toEqual({ trigger: 1, paid: 2, sms1: 2, reminded: 2, tag: 1, giveUp: 1 });
    expect(steps[4]!.state.end).toEqual({ reason: 'exited', nodeId: 'giveUp', detail: 'gave up' });
  });

  it('stops waiting when the order is paid', () => {
    const [paid] = feed(ref, start(), [[{ kind: 'event', event: paidEvent('2026-01-05T12:00:00Z') }, '2026-01-05T12:00:00Z']]);
    expect(outcomes(paid!)).toEqual(['paid:event (order.paid)', 'thanks:exited (paid)']);
  });
});

describe('exitOn', () => {
  const graph = graphOf(
    [[...trigger], ['sms1', 'action.sendSms', { body: 'Hi' }], ['wait', 'wait.delay', { duration: 'PT24H' }], ['sms2', 'action.sendSms', { body: 'Again' }]],
    ['trigger->sms1', 'sms1->wait', 'wait->sms2'],
    { exitOn: [{ event: 'order.paid' }] },
  );
  const ref = refOf(graph);
  const start = () => startRun(ref, { runId: 'run-1', contact, trigger: created, now: at(T0) });

  it('ends a sleeping run with reason goal; another order’s event does not count', () => {
    const [sleeping, otherOrder, goal] = feed(ref, start(), [
      [{ kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent' } }, T0],
      [{ kind: 'event', event: eventOf('order.paid', '2026-01-05T11:00:00Z', { order: { ...order, id: 'o2' } }) }, '2026-01-05T11:00:00Z'],
      [{ kind: 'event', event: paidEvent('2026-01-05T12:00:00Z') }, '2026-01-05T12:00:00Z'],
    ]);
    expect(otherOrder!.state).toBe(sleeping!.state);
    expect(outcomes(goal!)).toEqual(['wait:goal (order.paid)']);
    expect(goal!.commands).toEqual([{ kind: 'done', reason: 'goal', nodeId: 'wait', detail: 'order.paid' }]);
    expect(goal!.state.end).toEqual({ reason: 'goal', nodeId: 'wait', detail: 'order.paid' });
  });

  it('ends a run with an effect in flight and ignores the late result', () => {
    const [goal, late] = feed(ref, start(), [
      [{ kind: 'event', event: paidEvent('2026-01-05T10:00:00Z') }, T0],
      [{ kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent' } }, '2026-01-05T10:00:05Z'],
    ]);
    expect(goal!.state.end).toEqual({ reason: 'goal', nodeId: 'sms1', detail: 'order.paid' });
    expect(late!.state).toBe(goal!.state);
    expect(late!.steps).toEqual([]);
  });

  it('honours filters and sameOrder: false', () => {
    const g = graphOf([[...trigger], ['wait', 'wait.delay', { duration: 'PT1H' }]], ['trigger->wait'], {
      exitOn: [{ event: 'order.created', sameOrder: false, filter: { rules: [{ field: 'order.total', op: 'gte', value: 500 }] } }],
    });
    const run = startRun(refOf(g), { runId: 'r', contact, trigger: created, now: at(T0) });
    const small = advanceRun(refOf(g), run.state, { kind: 'event', event: eventOf('order.created', T0, { order: { ...order, id: 'o3', total: 100 } }) }, at(T0));
    expect(small.state).toBe(run.state);
    const big = advanceRun(refOf(g), run.state, { kind: 'event', event: eventOf('order.created', T0, { order: { ...order, id: 'o3', total: 900 } }) }, at(T0));
    expect(big.state.end?.reason).toBe('goal');
  });
});

describe('inbox', () => {
  const graph = graphOf(
    [[...trigger], ['sms1', 'action.sendSms', { body: 'Hi' }], ['paid', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }], ['thanks', 'flow.exit', { reason: 'paid' }]],
    ['trigger->sms1', 'sms1->paid', 'paid:event->thanks'],
  );
  const ref = refOf(graph);
  const start = () => startRun(ref, { runId: 'run-1', contact, trigger: created, now: at(T0) });

  it('keeps an event that came during an effect for the next wait', () => {
    const paid = paidEvent('2026-01-05T10:00:01Z');
    const [kept, resumed] = feed(ref, start(), [
      [{ kind: 'event', event: paid }, '2026-01-05T10:00:01Z'],
      [{ kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent' } }, '2026-01-05T10:00:02Z'],
    ]);
    expect(kept!.state.inbox).toEqual([paid]);
    expect(kept!.commands).toEqual([]);
    expect(outcomes(resumed!)).toEqual(['sms1:sent', 'paid:event (order.paid (arrived earlier))', 'thanks:exited (paid)']);
    expect(resumed!.state.ctx.event).toEqual(paid);
    expect(resumed!.state.inbox).toEqual([]);
  });

  it('drops leftovers once the run really waits, and ignores duplicates', () => {
    const cart = eventOf('cart.updated', '2026-01-05T10:00:01Z');
    const [kept, dup, waiting] = feed(ref, start(), [
      [{ kind: 'event', event: cart }, '2026-01-05T10:00:01Z'],
      [{ kind: 'event', event: cart }, '2026-01-05T10:00:01Z'],
      [{ kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent' } }, '2026-01-05T10:00:02Z'],
    ]);
    expect(kept!.state.inbox).toEqual([cart]);
    expect(dup!.state).toBe(kept!.state);
    expect(waiting!.state.pending?.kind).toBe('event');
    expect(waiting!.state.inbox).toEqual([]);
  });
});

describe('send window', () => {
  const window = { sendWindow: { from: '09:00', to: '20:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'], timezone: 'Europe/Prague' } };
  const friday22 = '2026-01-09T21:00:00.000Z'; // 22:00 in Prague
  const flow = (transactional: boolean) =>
    refOf(graphOf([[...trigger], ['sms1', 'action.sendSms', { body: 'Hi', transactional }]], ['trigger->sms1'], window));

  it('holds a marketing message due at 22:00 until 09:00 on the next allowed day', () => {
    const ref = flow(false);
    const run = startRun(ref, { runId: 'r', contact, trigger: created, now: at(friday22) });
    expect(outcomes(run)).toEqual(['trigger:started (order.created)', 'sms1:delayed (send window)']);
    expect(run.commands).toEqual([{ kind: 'sleep', until: '2026-01-12T08:00:00.000Z' }]);
    expect(run.state.pending).toEqual({ kind: 'sleep', until: '2026-01-12T08:00:00.000Z', nodeId: 'sms1', visit: 1, purpose: 'window' });
    const [opened] = feed(ref, run, [[{ kind: 'timer' }, '2026-01-12T08:00:00Z']]);
    expect(opened!.commands).toEqual([expect.objectContaining({ kind: 'effect', id: 'sms1:1:1', visit: 1 })]);
  });

  it('lets a transactional message through at once', () => {
    const run = startRun(flow(true), { runId: 'r', contact, trigger: created, now: at(friday22) });
    expect(run.commands).toEqual([expect.objectContaining({ kind: 'effect', id: 'sms1:1:1' })]);
  });
});

describe('frequency cap', () => {
  const capped = (onLimit: 'skip' | 'delay') =>
    refOf(graphOf([[...trigger], ['sms1', 'action.sendSms', { body: 'Hi' }], ['bye', 'flow.exit', {}]], ['trigger->sms1', 'sms1->bye'], { frequencyCap: { max: 2, perSeconds: 86400, onLimit } }));

  it('asks for recent messages, sends under the cap and skips over it', () => {
    const ref = capped('skip');
    const run = startRun(ref, { runId: 'r', contact, trigger: created, now: at(T0) });
    expect(run.commands).toEqual([{ kind: 'lookup', id: 'sms1:1:1', nodeId: 'sms1', visit: 1, query: { type: 'recentMessages', sinceSeconds: 86400 } }]);
    expect(run.state.pending).toEqual({ kind: 'lookup', commandId: 'sms1:1:1', nodeId: 'sms1', visit: 1, purpose: 'cap' });
    // The send 25 h ago is outside the period and does not count.
    const under = advanceRun(ref, run.state, { kind: 'lookupResult', commandId: 'sms1:1:1', answer: { sentAt: ['2026-01-04T09:00:00Z', '2026-01-05T09:00:00Z'] } }, at(T0));
    expect(under.commands).toEqual([expect.objectContaining({ kind: 'effect', id: 'sms1:1:2' })]);
    const over = advanceRun(ref, run.state, { kind: 'lookupResult', commandId: 'sms1:1:1', answer: { sentAt: ['2026-01-05T08:00:00Z', '2026-01-05T09:00:00Z'] } }, at(T0));
    expect(outcomes(over)).toEqual(['sms1:skipped (frequency cap)', 'bye:exited (done)']);
  });

  it('delays until enough old sends leave the period, then checks again', () => {
    const ref = capped('delay');
    const run = startRun(ref, { runId: 'r', contact, trigger: created, now: at(T0) });
    const sentAt = ['2026-01-05T09:00:00Z', '2026-01-05T02:00:00Z', '2026-01-05T06:00:00Z'];
    const [held, recheck, sent] = feed(ref, run, [
      [{ kind: 'lookupResult', commandId: 'sms1:1:1', answer: { sentAt } }, T0],
      [{ kind: 'timer' }, '2026-01-06T06:00:00Z'],
      [{ kind: 'lookupResult', commandId: 'sms1:1:2', answer: { sentAt: ['2026-01-05T09:00:00Z'] } }, '2026-01-06T06:00:00Z'],
    ]);
    expect(outcomes(held!)).toEqual(['sms1:delayed (frequency cap)']);
    expect(held!.commands).toEqual([{ kind: 'sleep', until: '2026-01-06T06:00:00.000Z' }]);
    expect(held!.state.pending).toEqual({ kind: 'sleep', until: '2026-01-06T06:00:00.000Z', nodeId: 'sms1', visit: 1, purpose: 'cap' });
    expect(recheck!.commands).toEqual([{ kind: 'lookup', id: 'sms1:1:2', nodeId: 'sms1', visit: 1, query: { type: 'recentMessages', sinceSeconds: 86400 } }]);
    expect(sent!.commands).toEqual([expect.objectContaining({ kind: 'effect', id: 'sms1:1:3', idempotencyKey: 'r:sms1:1' })]);
  });
});

describe('random split', () => {
  const branches = [
    { key: 'a', label: 'A', percent: 20 },
    { key: 'b', label: 'B', percent: 30 },
    { key: 'c', label: 'C', percent: 50 },
  ];
  const ref = refOf(graphOf([[...trigger], ['split', 'split.random', { branches }]], ['trigger->split']));
  const branchOf = (runId: string) => startRun(ref, { runId, contact, trigger: created, now: at(T0) }).steps[1]!.outcome;

  it('picks the same branch for the same run', () => {
    expect(branchOf('run-42')).toBe(branchOf('run-42'));
    expect(branchRandom('run-42', 'split', 1)).toBe(hashToUnit('run-42:split:1'));
  });

  it('spreads 1,000 runs roughly by the percentages', () => {
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 1000; i++) counts[branchOf(`run-${i}`)]! += 1;
    expect(Math.abs(counts.a! - 200)).toBeLessThan(40);
    expect(Math.abs(counts.b! - 300)).toBeLessThan(45);
    expect(Math.abs(counts.c! - 500)).toBeLessThan(50);
  });

  it('stays inside [0, 1)', () => {
    const values = Array.from({ length: 500 }, (_, i) => hashToUnit(`x${i}`));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
