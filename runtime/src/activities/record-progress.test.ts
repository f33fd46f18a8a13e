import type { FlowGraph, Step } from '@nudgeflow/shared';
import { INVALID_INPUT_ERROR, type RecordProgressInput } from '@nudgeflow/workflows/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFlow, publishFlow } from '../db/flows';
import { createRun, getRun } from '../db/runs';
import { useTestDatabase } from '../db/test-database';
import { createFlowActivities } from './index';
import { failureOf, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

const db = useTestDatabase();
let activities: ReturnType<typeof createFlowActivities>;
const run = runRef();
const graph: FlowGraph = { schemaVersion: 1, name: 'Reminder', settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' }, nodes: [], edges: [] };

const step = (nodeId: string, outcome: string, at: string): Step => ({ at, nodeId, type: 'x', visit: 1, outcome });
const steps = [step('trigger', 'started', '2026-03-02T10:00:00.000Z'), step('wait', 'waiting', '2026-03-02T10:00:00.000Z'), step('wait', 'timeout', '2026-03-03T10:00:00.000Z')];

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  await createFlow(db.sql, { graph, id: 'f1' });
  await publishFlow(db.sql, 'f1');
  await createRun(db.sql, { id: 'run-1', flowId: 'f1', flowVersion: 1, contactId: 'ann', workflowId: run.workflowId, startedAt: '2026-03-02T10:00:00.000Z' });
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels() });
});

const report = (fromSeq: number, count: number, extra: Partial<RecordProgressInput> = {}): RecordProgressInput => ({
  run,
  fromSeq,
  steps: steps.slice(fromSeq, fromSeq + count),
  status: 'waiting',
  nodeId: 'wait',
  at: steps[fromSeq + count - 1]?.at ?? '2026-03-02T10:00:00.000Z',
  ...extra,
});

describe('recordProgress', () => {
  it('stores steps and where the run is; a retried or overlapping report stores nothing twice', async () => {
    await activities.recordProgress(report(0, 2));
    await activities.recordProgress(report(0, 2));
    await activities.recordProgress(report(1, 2, { status: 'done', nodeId: 'wait', end: { reason: 'completed', nodeId: 'wait' } }));

    expect(await getRun(db.sql, 'run-1')).toMatchObject({
      status: 'done',
      nodeId: 'wait',
      endReason: 'completed',
      endedAt: '2026-03-03T10:00:00.000Z',
      stepCount: 3,
      steps,
    });
  });

  it('a late report does not move a finished run back', async () => {
    await activities.recordProgress(report(0, 3, { status: 'done', end: { reason: 'completed', nodeId: 'wait' } }));
    await activities.recordProgress(report(0, 2));
    expect(await getRun(db.sql, 'run-1')).toMatchObject({ status: 'done', stepCount: 3 });
  });

  it('a run that was never created cannot be recorded: invalid input, not endless retries', async () => {
    const ghost = { ...report(0, 2), run: runRef({ runId: 'ghost' }) };
    expect(await failureOf(activities.recordProgress(ghost))).toMatchObject({ type: INVALID_INPUT_ERROR, nonRetryable: true });
    expect(await failureOf(activities.recordProgress({ ...ghost, steps: [] }))).toMatchObject({
      type: INVALID_INPUT_ERROR,
      message: 'run "ghost" is not in the database; its row must be created before its workflow starts',
    });
  });

  it('records a message the run skipped for the frequency cap as a skipped message, once; other skips are not messages', async () => {
    const capped: Step[] = [
      { at: '2026-03-02T10:00:00.000Z', nodeId: 'offer', type: 'action.sendSms', visit: 1, outcome: 'skipped', detail: 'frequency cap' },
      { at: '2026-03-02T10:00:00.000Z', nodeId: 'mail', type: 'action.sendEmail', visit: 2, outcome: 'skipped', detail: 'frequency cap' },
      { at: '2026-03-02T10:00:00.000Z', nodeId: 'hook', type: 'action.webhook', visit: 1, outcome: 'skipped', detail: 'frequency cap' },
      { at: '2026-03-02T10:00:00.000Z', nodeId: 'sms2', type: 'action.sendSms', visit: 1, outcome: 'skipped', detail: 'no consent to sms' },
    ];
    const input: RecordProgressInput = { run, fromSeq: 0, steps: capped, status: 'running', at: '2026-03-02T10:00:00.000Z' };
    await activities.recordProgress(input);
    await activities.recordProgress(input);
    const rows = await db.sql<{ idempotency_key: string; node_id: string; channel: string; marketing: boolean; status: string; reason: string; test: boolean }[]>`
      select idempotency_key, node_id, channel, marketing, status, reason, test from messages order by idempotency_key`;
    const reason = 'frequency cap: the contact already had as many marketing messages as the cap allows';
    expect(rows).toEqual([
      { idempotency_key: 'run-1:mail:2', node_id: 'mail', channel: 'email', marketing: true, status: 'skipped', reason, test: false },
      { idempotency_key: 'run-1:offer:1', node_id: 'offer', channel: 'sms', marketing: true, status: 'skipped', reason, test: false },
    ]);
  });

  it('marks a test run\'s cap-skipped message as a test message', async () => {
    const step: Step = { at: '2026-03-02T10:00:00.000Z', nodeId: 'offer', type: 'action.sendSms', visit: 1, outcome: 'skipped', detail: 'frequency cap' };
    await activities.recordProgress({ run: { ...run, test: true }, fromSeq: 0, steps: [step], status: 'running', at: step.at });
    expect(await db.sql`select test from messages`).toEqual([{ test: true }]);
  });
});
