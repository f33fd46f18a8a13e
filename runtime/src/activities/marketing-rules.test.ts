import { builtinRegistry, flowSettingsSchema, type FlowGraph } from '@nudgeflow/shared';
import { advanceRun, startRun, type EffectResult, type FlowRef, type Input } from '@nudgeflow/shared/interpreter';
import { beforeEach, describe, expect, it } from 'vitest';
import { updateContact } from '../db/contacts';
import { insertMessage } from '../db/messages';
import { suppress } from '../db/suppressions';
import { useTestDatabase } from '../db/test-database';
import { createFlowActivities } from './index';
import { NOW, ann, effectCommand, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

/*
 * Consent and the frequency cap from the activities' records to the interpreter's decision: a
 * skipped message lets the run go on, and the cap counts the contact's marketing messages of
 * every flow, read back from what the activities recorded.
 */

const db = useTestDatabase();
let activities: ReturnType<typeof createFlowActivities>;

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels(), now: () => NOW });
});

const sms = (flowId: string, options: { transactional?: boolean; test?: boolean } = {}) => {
  const run = runRef({ runId: `run-${flowId}`, flowId, workflowId: `flow/${flowId}/ann`, ...(options.test ? { test: true } : {}) });
  const marketing = !options.transactional;
  const command = effectCommand('action.sendSms', { body: 'Hi', transactional: !marketing }, { run, nodeId: 'sms', message: { channel: 'sms', marketing } });
  return activities.executeEffect({ run, command });
};

const DAY = 86_400;
const lookupAt = new Date(NOW.getTime() + 60_000);
const recentSends = async (flowId: string) => {
  const answer = await activities.lookupFacts({ run: runRef({ runId: `run-${flowId}`, flowId }), query: { type: 'recentMessages', sinceSeconds: DAY }, now: lookupAt.toISOString() });
  if (!('sentAt' in answer)) throw new Error('the cap lookup answered without send times');
  return answer.sentAt;
};

/** Trigger -> a marketing SMS -> exit, in a flow with these settings. */
function smsFlow(settings: Record<string, unknown>): FlowRef {
  const graph: FlowGraph = {
    schemaVersion: 1,
    name: 'Win-back',
    settings: flowSettingsSchema.parse(settings),
    nodes: [
      { id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: 'order.created' } },
      { id: 'sms', type: 'action.sendSms', position: { x: 0, y: 0 }, config: { body: 'We miss you' } },
      { id: 'bye', type: 'flow.exit', position: { x: 0, y: 0 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'sms' },
      { id: 'e2', source: 'sms', target: 'bye' },
    ],
  };
  return { graph, registry: builtinRegistry, flow: { id: 'winback', name: graph.name } };
}

/** Starts a run of `ref` and answers its first command (an effect or the cap's lookup) with `answer`. */
function answerFirst(ref: FlowRef, answer: { result: EffectResult } | { sentAt: string[] }) {
  const trigger = { id: 'e-1', type: 'order.created', occurredAt: lookupAt.toISOString(), contact: { id: 'ann' } };
  const started = startRun(ref, { runId: 'run-winback', contact: ann, trigger, now: lookupAt });
  const [command] = started.commands;
  if (command?.kind !== ('result' in answer ? 'effect' : 'lookup')) throw new Error(`the flow asked for ${command?.kind} first`);
  const input: Input =
    'result' in answer ? { kind: 'effectResult', commandId: command.id, result: answer.result } : { kind: 'lookupResult', commandId: command.id, answer: { sentAt: answer.sentAt } };
  const next = advanceRun(ref, started.state, input, lookupAt);
  return { steps: next.steps.map((s) => `${s.nodeId}:${s.outcome}${s.detail ? ` (${s.detail})` : ''}`), commands: next.commands };
}

const outcomeUnderCap = (onLimit: 'skip' | 'delay', sentAt: string[]) => answerFirst(smsFlow({ frequencyCap: { max: 2, perSeconds: DAY, onLimit } }), { sentAt });

describe('consent', () => {
  it('a contact without marketing consent, or suppressed: "skipped: no consent", and the run goes on', async () => {
    await updateContact(db.sql, 'ann', { consent: { email: true } });
    const result = await sms('welcome');
    expect(result).toEqual({ status: 'skipped', reason: 'no consent' });
    expect(answerFirst(smsFlow({}), { result })).toEqual({
      steps: ['sms:skipped (no consent)', 'bye:exited (done)'],
      commands: [{ kind: 'done', reason: 'exited', nodeId: 'bye', detail: 'done' }],
    });
    await updateContact(db.sql, 'ann', { consent: { sms: true } });
    await suppress(db.sql, { contactId: 'ann', channel: 'all', reason: 'complaint' });
    expect(await sms('receipts')).toEqual({ status: 'skipped', reason: 'suppressed' });
  });
});

describe('the frequency cap across flows', () => {
  it('counts marketing messages of every flow, and only real, marketing, sent ones', async () => {
    expect(await sms('welcome')).toMatchObject({ status: 'sent' });
    await insertMessage(db.sql, { idempotencyKey: 'newsletter:email:1', flowId: 'newsletter', contactId: 'ann', channel: 'email', marketing: true, status: 'sent', sentAt: '2026-03-02T09:30:00.000Z' });
    await sms('receipts', { transactional: true });
    await sms('preview', { test: true });
    await updateContact(db.sql, 'ann', { consent: {} });
    expect(await sms('no-consent')).toEqual({ status: 'skipped', reason: 'no consent' });

    const sentAt = await recentSends('winback');
    expect(sentAt).toEqual(['2026-03-02T09:30:00.000Z', NOW.toISOString()]);
    // A third flow's marketing SMS, under a cap of 2 per day: skipped, or held until the older send is a day old.
    expect(outcomeUnderCap('skip', sentAt)).toEqual({ steps: ['sms:skipped (frequency cap)', 'bye:exited (done)'], commands: [{ kind: 'done', reason: 'exited', nodeId: 'bye', detail: 'done' }] });
    expect(outcomeUnderCap('delay', sentAt)).toEqual({ steps: ['sms:delayed (frequency cap)'], commands: [{ kind: 'sleep', until: '2026-03-03T09:30:00.000Z' }] });
    expect(outcomeUnderCap('skip', sentAt.slice(1)).commands).toEqual([expect.objectContaining({ kind: 'effect', nodeId: 'sms' })]);
  });
});
