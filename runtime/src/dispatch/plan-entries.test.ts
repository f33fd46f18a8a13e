import { describe, expect, it } from 'vitest';
import type { OutboxItem, RunRecord } from '../db';
import { graphOf } from '../temporal/test-flows';
import { entriesOf, runKeyOf, stepFor } from './plan-entries';
import { compileRoutable, type RoutableFlow } from './routable-flow';
import { runIdFor, runWorkflowId } from './run-ids';

function flow(flowId: string, event: string, settings: Record<string, unknown> = {}): RoutableFlow {
  const compiled = compileRoutable({ flowId, version: 2, graph: graphOf(flowId, [['t', 'trigger.event', { event }]], [], settings), publishedAt: '2026-03-01T00:00:00Z' });
  if (!compiled.ok) throw new Error(compiled.problem);
  return compiled.flow;
}

const now = new Date('2026-03-02T10:00:00Z');
const item = (type: string, orderId?: string): OutboxItem => ({
  id: 7,
  eventId: 'e1',
  contactId: 'ann',
  attempts: 1,
  event: { id: 'e1', type, occurredAt: '2026-03-02T09:59:00Z', contact: { id: 'ann' }, ...(orderId ? { order: { id: orderId, items: [] } } : {}) },
  contact: { id: 'ann', tags: [] },
});
const run = (status: RunRecord['status'], workflowId: string): RunRecord => ({
  id: 'run_old',
  flowId: 'f1',
  flowVersion: 1,
  contactId: 'ann',
  workflowId,
  status,
  startedAt: '2026-03-01T00:00:00Z',
  test: false,
  stepCount: 1,
  updatedAt: '2026-03-01T00:00:00Z',
});

describe('entriesOf', () => {
  it('enters every flow whose trigger matches, keyed by the contact or by the order', () => {
    const perContact = flow('f-contact', 'order.created');
    const perOrder = flow('f-order', 'order.created', { runPer: 'order' });
    const other = flow('f-paid', 'order.paid');
    const stored = { id: 'o1', number: 'N-1', items: [] };
    const entries = entriesOf(item('order.created', 'o1'), stored, [perContact, perOrder, other], now, () => {});
    const cause = { kind: 'event' as const, eventId: 'e1' };
    expect(entries.map((e) => ({ flow: e.request.flow.flowId, key: e.request.key, runId: e.runId, workflowId: e.workflowId, order: e.request.order }))).toEqual([
      { flow: 'f-contact', key: 'ann', runId: runIdFor('f-contact', 'ann', cause), workflowId: runWorkflowId('f-contact', 'ann', cause), order: stored },
      { flow: 'f-order', key: 'o1', runId: runIdFor('f-order', 'o1', cause), workflowId: runWorkflowId('f-order', 'o1', cause), order: stored },
    ]);
    expect(entries.map(runKeyOf)).toEqual([
      { flowId: 'f-contact', contactId: 'ann' },
      { flowId: 'f-order', contactId: 'ann', orderId: 'o1' },
    ]);
  });

  it('skips a per-order flow for an event without an order, and says so', () => {
    const logs: string[] = [];
    expect(entriesOf(item('order.created'), undefined, [flow('f-order', 'order.created', { runPer: 'order' })], now, (line) => logs.push(line))).toEqual([]);
    expect(logs).toEqual(['flow f-order runs per order, but event e1 (order.created) has no order: no run started']);
  });
});

describe('stepFor', () => {
  const [entry] = entriesOf(item('order.created'), undefined, [flow('f1', 'order.created', { reentry: 'always' })], now, () => {});
  if (!entry) throw new Error('expected an entry');

  it('creates a new run the first time, and finishes or leaves alone one an earlier attempt created', () => {
    expect(stepFor(entry, undefined, undefined)).toEqual({ kind: 'create' });
    expect(stepFor(entry, 'running', undefined)).toEqual({ kind: 'finish' });
    expect(stepFor(entry, 'done', undefined)).toEqual({ kind: 'settled', outcome: { kind: 'unchanged', runId: entry.runId, workflowId: entry.workflowId } });
  });

  it('follows the re-entry rule against the latest run of the key', () => {
    const going = run('waiting', 'flow/f1/other');
    expect(stepFor(entry, undefined, going)).toEqual({ kind: 'settled', outcome: { kind: 'running', workflowId: 'flow/f1/other' } });
    expect(stepFor(entry, undefined, run('done', 'flow/f1/other'))).toEqual({ kind: 'create' });
    // The previous run used the same workflow id: enterFlow waits until its execution has closed.
    expect(stepFor(entry, undefined, run('done', entry.workflowId))).toEqual({ kind: 'enterAlone' });
  });
});
