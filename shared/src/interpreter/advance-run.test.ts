import { describe, expect, it } from 'vitest';
import { advanceRun } from './advance-run';
import { startRun } from './start-run';
import { at, contact, eventOf, feed, graphOf, order, refOf } from './test-flows';
import type { Advance, Input, RunState } from './types';

const T0 = '2026-01-05T10:00:00.000Z';
const created = eventOf('order.created', T0, { order });
const trigger = ['trigger', 'trigger.event', { event: 'order.created' }] as const;
const start = (graph: ReturnType<typeof graphOf>) => startRun(refOf(graph), { runId: 'run-1', contact, trigger: created, now: at(T0) });
const outcomes = (a: Advance) => a.steps.map((s) => `${s.nodeId}:${s.outcome}${s.detail ? ` (${s.detail})` : ''}`);

describe('branches and lookups', () => {
  const graph = graphOf(
    [[...trigger], ['cod', 'condition.rules', { rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }] }], ['bye', 'flow.exit', { reason: 'cod' }]],
    ['trigger->cod', 'cod:yes->bye'],
  );

  it('follows yes and no', () => {
    const yes = startRun(refOf(graph), { runId: 'r', contact, trigger: created, order: { ...order, paymentMethod: 'COD' }, now: at(T0) });
    expect(outcomes(yes)).toEqual(['trigger:started (order.created)', 'cod:yes', 'bye:exited (cod)']);
    expect(yes.state.end).toEqual({ reason: 'exited', nodeId: 'bye', detail: 'cod' });
    const no = start(graph);
    expect(outcomes(no)).toEqual(['trigger:started (order.created)', 'cod:no']);
    expect(no.state.end).toEqual({ reason: 'completed', nodeId: 'cod' });
  });

  it('asks a lookup and chooses from the answer', () => {
    const g = graphOf([[...trigger], ['bought', 'condition.hasPurchased', { skus: ['TEA'], withinDays: 30 }], ['vip', 'flow.exit', { reason: 'repeat buyer' }]], ['trigger->bought', 'bought:yes->vip']);
    const run = start(g);
    expect(run.commands).toEqual([
      { kind: 'lookup', id: 'bought:1:1', nodeId: 'bought', visit: 1, query: { type: 'hasPurchased', skus: ['TEA'], categories: [], withinDays: 30, excludeOrderId: 'o1' } },
    ]);
    expect(run.state.pending).toEqual({ kind: 'lookup', commandId: 'bought:1:1', nodeId: 'bought', visit: 1, purpose: 'condition' });
    expect(run.state.status).toBe('running');
    const [answered] = feed(refOf(g), run, [[{ kind: 'lookupResult', commandId: 'bought:1:1', answer: { matched: true, detail: 'order 998' } }, T0]]);
    expect(outcomes(answered!)).toEqual(['bought:yes (order 998)', 'vip:exited (repeat buyer)']);
  });

  it('fails a lookup that gets an answer of the wrong shape', () => {
    const g = graphOf([[...trigger], ['bought', 'condition.hasPurchased', {}]], ['trigger->bought']);
    const [answered] = feed(refOf(g), start(g), [[{ kind: 'lookupResult', commandId: 'bought:1:1', answer: { sentAt: [] } }, T0]]);
    expect(answered!.state.end).toEqual({ reason: 'failed', nodeId: 'bought', detail: 'node "bought" got an answer that does not fit its question' });
  });
});

describe('waits', () => {
  it('sleeps until the time comes and ignores an early timer', () => {
    const g = graphOf([[...trigger], ['wait', 'wait.delay', { duration: 'PT1H' }], ['bye', 'flow.exit', {}]], ['trigger->wait', 'wait->bye']);
    const run = start(g);
    expect(run.commands).toEqual([{ kind: 'sleep', until: '2026-01-05T11:00:00.000Z' }]);
    expect(run.state.status).toBe('waiting');
    expect(outcomes(run)).toEqual(['trigger:started (order.created)', 'wait:waiting (until 2026-01-05T11:00:00.000Z)']);
    const [early, onTime] = feed(refOf(g), run, [
      [{ kind: 'timer' }, '2026-01-05T10:59:59Z'],
      [{ kind: 'timer' }, '2026-01-05T11:00:00Z'],
    ]);
    expect(early!.state).toBe(run.state);
    expect(early!.commands).toEqual([]);
    expect(outcomes(onTime!)).toEqual(['wait:next', 'bye:exited (done)']);
  });

  const paidFlow = graphOf(
    [[...trigger], ['paid', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }], ['thanks', 'flow.exit', { reason: 'paid' }], ['late', 'flow.exit', { reason: 'unpaid' }]],
    ['trigger->paid', 'paid:event->thanks', 'paid:timeout->late'],
  );

  it('waits for an event: the matching one leaves through "event" and refreshes the order', () => {
    const run = start(paidFlow);
    expect(run.commands).toEqual([{ kind: 'waitForEvent', match: { type: 'order.paid', orderId: 'o1' }, until: '2026-01-06T10:00:00.000Z' }]);
    expect(outcomes(run)[1]).toBe('paid:waiting (until 2026-01-06T10:00:00.000Z for order.paid)');
    const otherOrder = eventOf('order.paid', '2026-01-05T11:00:00Z', { order: { ...order, id: 'o9' } });
    const paid = eventOf('order.paid', '2026-01-05T12:00:00Z', { order: { ...order, paymentStatus: 'paid' } });
    const [ignored, matched] = feed(refOf(paidFlow), run, [
      [{ kind: 'event', event: otherOrder }, '2026-01-05T11:00:00Z'],
      [{ kind: 'event', event: paid }, '2026-01-05T12:00:00Z'],
    ]);
    expect(ignored!.state).toBe(run.state);
    expect(outcomes(matched!)).toEqual(['paid:event (order.paid)', 'thanks:exited (paid)']);
    expect(matched!.state.ctx.event).toEqual(paid);
    expect(matched!.state.ctx.order?.paymentStatus).toBe('paid');
  });

  it('times out through "timeout"', () => {
    const [timedOut] = feed(refOf(paidFlow), start(paidFlow), [[{ kind: 'timer' }, '2026-01-06T10:00:00Z']]);
    expect(outcomes(timedOut!)).toEqual(['paid:timeout', 'late:exited (unpaid)']);
  });
});

describe('effects', () => {
  const g = graphOf(
    [[...trigger], ['code', 'action.assignCode', { pool: 'ebook' }], ['hook', 'action.webhook', { url: 'https://crm.example.com/x' }], ['none', 'flow.exit', { reason: 'no codes' }], ['oops', 'flow.exit', { reason: 'crm down' }]],
    ['trigger->code', 'code->hook', 'code:empty->none', 'hook:failed->oops'],
  );
  const ref = refOf(g);

  it('applies the patch and follows the default output', () => {
    const [coded, hooked] = feed(ref, start(g), [
      [{ kind: 'effectResult', commandId: 'code:1:1', result: { status: 'done', patch: { codes: { ebook: 'EB-1' }, contact: { tags: ['reader'] } } } }, T0],
      [{ kind: 'effectResult', commandId: 'hook:1:2', result: { status: 'failed', output: 'failed', reason: 'HTTP 500' } }, T0],
    ]);
    expect(coded!.state.ctx.codes).toEqual({ ebook: 'EB-1' });
    expect(coded!.state.ctx.contact).toEqual({ ...contact, tags: ['reader'] });
    expect(coded!.commands).toEqual([expect.objectContaining({ kind: 'effect', id: 'hook:1:2', idempotencyKey: 'run-1:hook:1' })]);
    expect(outcomes(coded!)).toEqual(['code:done']);
    expect(outcomes(hooked!)).toEqual(['hook:failed (HTTP 500)', 'oops:exited (crm down)']);
  });

  it('clears a contact field the patch sets to null, without touching the state it was given', () => {
    const started = start(g);
    const [coded] = feed(ref, started, [[{ kind: 'effectResult', commandId: 'code:1:1', result: { status: 'done', patch: { contact: { email: null, firstName: 'Eve' } } } }, T0]]);
    const { email: _cleared, ...rest } = contact;
    expect(coded!.state.ctx.contact).toStrictEqual({ ...rest, firstName: 'Eve' });
    expect(started.state.ctx.contact).toStrictEqual(contact);
  });

  it('follows a named output such as "empty"', () => {
    const [empty] = feed(ref, start(g), [[{ kind: 'effectResult', commandId: 'code:1:1', result: { status: 'skipped', output: 'empty', reason: 'pool empty' } }, T0]]);
    expect(outcomes(empty!)).toEqual(['code:skipped (pool empty)', 'none:exited (no codes)']);
  });

  it('fails on an output the node does not have', () => {
    const [bad] = feed(ref, start(g), [[{ kind: 'effectResult', commandId: 'code:1:1', result: { status: 'done', output: 'maybe' } }, T0]]);
    expect(bad!.state.end).toEqual({
      reason: 'failed',
      nodeId: 'code',
      detail: 'node "code" chose the output "maybe", which it does not have (it has "next", "empty")',
    });
  });
});

describe('inputs that do not fit', () => {
  const g = graphOf([[...trigger], ['sms1', 'action.sendSms', { body: 'Hi' }], ['wait', 'wait.delay', { duration: 'PT1H' }]], ['trigger->sms1', 'sms1->wait']);
  const ref = refOf(g);

  it('returns the same state for stale timers, foreign results and anything after the end', () => {
    const run = start(g);
    const misfits: Input[] = [
      { kind: 'timer' },
      { kind: 'effectResult', commandId: 'other:1:9', result: { status: 'sent' } },
      { kind: 'lookupResult', commandId: 'sms1:1:1', answer: { matched: true } },
    ];
    for (const input of misfits) expect(advanceRun(ref, run.state, input, at(T0))).toEqual({ state: run.state, commands: [], steps: [] });
    const cancelled = advanceRun(ref, run.state, { kind: 'cancel', reason: 'flow deleted' }, at(T0));
    expect(cancelled.state.end).toEqual({ reason: 'cancelled', nodeId: 'sms1', detail: 'flow deleted' });
    expect(outcomes(cancelled)).toEqual(['sms1:cancelled (flow deleted)']);
    const after = advanceRun(ref, cancelled.state, { kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent' } }, at(T0));
    expect(after.state).toBe(cancelled.state);
    expect(after.commands).toEqual([]);
  });

  it('never mutates the state it is given', () => {
    const run = start(g);
    const frozen = JSON.stringify(run.state);
    advanceRun(ref, run.state, { kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent', patch: { codes: { a: 'b' } } } }, at(T0));
    advanceRun(ref, run.state, { kind: 'event', event: eventOf('order.paid', T0, { order }) }, at(T0));
    expect(JSON.stringify(run.state)).toBe(frozen);
  });
});

describe('state is plain JSON', () => {
  it('behaves the same after a JSON round trip at every step', () => {
    const g = graphOf(
      [[...trigger], ['paid', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }], ['sms1', 'action.sendSms', { body: 'Pay {{ order.number }}' }], ['bye', 'flow.exit', {}]],
      ['trigger->paid', 'paid:timeout->sms1', 'sms1->bye'],
    );
    const ref = refOf(g);
    const inputs: [Input, string][] = [
      [{ kind: 'event', event: eventOf('cart.updated', '2026-01-05T11:00:00.000Z') }, '2026-01-05T11:00:00Z'],
      [{ kind: 'timer' }, '2026-01-06T10:00:00Z'],
      [{ kind: 'effectResult', commandId: 'sms1:1:1', result: { status: 'sent' } }, '2026-01-06T10:00:01Z'],
    ];
    let plain = start(g).state;
    let revived: RunState = JSON.parse(JSON.stringify(plain));
    for (const [input, when] of inputs) {
      const a = advanceRun(ref, plain, input, new Date(when));
      const b = advanceRun(ref, revived, input, new Date(when));
      expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)));
      plain = a.state;
      revived = JSON.parse(JSON.stringify(b.state));
    }
    expect(plain.end).toEqual({ reason: 'exited', nodeId: 'bye', detail: 'done' });
  });
});
