import type { RunState, Step } from '@nudgeflow/shared/interpreter';
import { describe, expect, it } from 'vitest';
import type { RunRef } from './contract';
import { ProgressLog, RECENT_STEPS } from './progress';

const run: RunRef = { runId: 'r1', workflowId: 'flow/f/c', flowId: 'f', flowVersion: 1, contactId: 'c' };
const at = new Date('2025-03-10T08:00:00Z');
const step = (nodeId: string, outcome: string): Step => ({ at: at.toISOString(), nodeId, type: 'x', visit: 1, outcome });
const base: Omit<RunState, 'status'> = { v: 1, ctx: { runId: 'r1', flow: { id: 'f', name: 'F' }, contact: { id: 'c', tags: [] }, codes: {} }, visits: {}, seq: 0, inbox: [], startedAt: at.toISOString() };
const waiting: RunState = { ...base, status: 'waiting', pending: { kind: 'sleep', until: at.toISOString(), nodeId: 'wait', visit: 1, purpose: 'wait' } };
const done: RunState = { ...base, status: 'done', end: { reason: 'goal', nodeId: 'wait', detail: 'order.paid' } };

describe('ProgressLog', () => {
  it('numbers steps from 0 across batches and says where the run is', () => {
    const log = new ProgressLog();
    expect(log.add(run, waiting, [step('trigger', 'started'), step('wait', 'waiting')], at)).toEqual({
      run,
      fromSeq: 0,
      steps: [step('trigger', 'started'), step('wait', 'waiting')],
      status: 'waiting',
      nodeId: 'wait',
      at: '2025-03-10T08:00:00.000Z',
    });
    expect(log.add(run, done, [step('wait', 'goal')], at)).toMatchObject({ fromSeq: 2, status: 'done', nodeId: 'wait', end: done.end });
    expect(log.snapshot(done)).toEqual({ status: 'done', nodeId: 'wait', end: done.end, steps: [step('trigger', 'started'), step('wait', 'waiting'), step('wait', 'goal')], stepCount: 3 });
  });

  it('has nothing to record when nothing changed', () => {
    const log = new ProgressLog(5, [], waiting);
    expect(log.add(run, waiting, [], at)).toBeUndefined();
    expect(log.add(run, done, [], at)).toMatchObject({ fromSeq: 5, steps: [], status: 'done' });
  });

  it('keeps only the most recent steps for the query', () => {
    const log = new ProgressLog();
    const many = Array.from({ length: RECENT_STEPS + 5 }, (_, i) => step(`n${i}`, 'next'));
    log.add(run, waiting, many, at);
    const snapshot = log.snapshot(waiting);
    expect({ count: snapshot.stepCount, kept: snapshot.steps.length, first: snapshot.steps[0]?.nodeId }).toEqual({ count: RECENT_STEPS + 5, kept: RECENT_STEPS, first: 'n5' });
  });
});
