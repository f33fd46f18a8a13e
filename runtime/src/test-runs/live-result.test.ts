import { describe, expect, it } from 'vitest';
import type { RunWithSteps } from '../db/runs';
import { liveResult, type LiveRecords } from './live-result';

const NOW = '2025-03-10T08:00:00Z';
const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();

const run = (extra: Partial<RunWithSteps> = {}): RunWithSteps => ({
  id: 'trun_1',
  flowId: 'flow_1',
  flowVersion: 0,
  contactId: 'test-trun_1',
  orderId: 'ord-5001',
  workflowId: 'test-run/trun_1',
  status: 'waiting',
  nodeId: 'wait_paid_again',
  startedAt: at(0),
  test: true,
  stepCount: 5,
  updatedAt: at(0),
  steps: [
    { at: at(0), nodeId: 'trigger', type: 'trigger.event', visit: 1, outcome: 'started', detail: 'order.created' },
    { at: at(0), nodeId: 'wait_paid', type: 'wait.untilEvent', visit: 1, outcome: 'waiting', detail: `until ${at(86400)} for order.paid` },
    { at: at(86412.5), nodeId: 'wait_paid', type: 'wait.untilEvent', visit: 1, outcome: 'timeout' },
    { at: at(86450), nodeId: 'sms_reminder', type: 'action.sendSms', visit: 1, outcome: 'sent' },
    { at: at(86450), nodeId: 'assign', type: 'action.assignCode', visit: 1, outcome: 'done' },
  ],
  ...extra,
});

const records = (extra: Partial<RunWithSteps> = {}): LiveRecords => ({
  run: run(extra),
  effects: [
    { key: 'trun_1:sms_reminder:1', nodeId: 'sms_reminder', type: 'action.sendSms', result: { status: 'sent' } },
    { key: 'trun_1:assign:1', nodeId: 'assign', type: 'action.assignCode', result: { status: 'done', patch: { codes: { ebook_licence: 'TEST-1A2B3C' } } } },
  ],
  messages: [
    { key: 'trun_1:sms_reminder:1', nodeId: 'sms_reminder', channel: 'sms', to: '+420777123456', body: 'Hi Jana', status: 'sent' },
    { key: 'trun_1:email:1', nodeId: 'email', channel: 'email', to: 'jana@example.com', subject: 'Order', body: '<mjml><mj-body><mj-text>Thanks</mj-text></mj-body></mjml>', status: 'queued' },
  ],
});

describe('liveResult', () => {
  it("puts steps and messages on the scenario's clock, in the simulator's shape, with the node the run is at", () => {
    expect(liveResult(records(), NOW)).toEqual({
      steps: [
        { atSeconds: 0, nodeId: 'trigger', type: 'trigger.event', outcome: 'started', detail: 'order.created' },
        { atSeconds: 0, nodeId: 'wait_paid', type: 'wait.untilEvent', outcome: 'waiting', detail: 'until +24h for order.paid' },
        { atSeconds: 86412.5, nodeId: 'wait_paid', type: 'wait.untilEvent', outcome: 'timeout' },
        { atSeconds: 86450, nodeId: 'sms_reminder', type: 'action.sendSms', outcome: 'sent' },
        { atSeconds: 86450, nodeId: 'assign', type: 'action.assignCode', outcome: 'done' },
      ],
      actions: [
        { atSeconds: 86450, nodeId: 'sms_reminder', type: 'action.sendSms', channel: 'sms', to: '+420777123456', body: 'Hi Jana', status: 'sent' },
        { atSeconds: 86450, nodeId: 'assign', type: 'action.assignCode', body: 'TEST-1A2B3C', status: 'done' },
        { atSeconds: 86450, nodeId: 'email', type: '', channel: 'email', to: 'jana@example.com', subject: 'Order', body: 'Thanks', status: 'queued' },
      ],
      currentNodeId: 'wait_paid_again',
    });
  });

  it('gives the end once the run has ended', () => {
    const result = liveResult(records({ status: 'done', nodeId: 'email_licence', endedAt: at(7300), endReason: 'completed' }), NOW);
    expect(result.end).toEqual({ atSeconds: 7300, reason: 'completed', nodeId: 'email_licence' });
    expect(result.currentNodeId).toBeUndefined();
  });

  it('stops at an end the test run recorded itself, leaving out what came after', () => {
    const end = { atSeconds: 86420, reason: 'waiting' as const, nodeId: 'wait_paid', detail: 'still waiting at the end of the scenario' };
    const result = liveResult(records({ status: 'done', endedAt: at(86500), endReason: 'cancelled' }), NOW, end);
    expect(result.end).toEqual(end);
    expect(result.steps.map((s) => s.outcome)).toEqual(['started', 'waiting', 'timeout']);
    expect(result.actions).toEqual([]);
  });
});
