import type { FlowGraph, GraphNode } from '@nudgeflow/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAP_LOST_RACE } from '../../runtime/src/activities/cap-at-delivery';
import { CAP_SKIP_REASON } from '../../runtime/src/activities/record-cap-skips';
import type { Message, RunDetail } from './api-client';
import { eventually } from './poll';
import { shopEvent, shopper, type Shopper } from './shop-data';
import { useTwilioStack } from './twilio-stack';

/*
 * The frequency cap on the real stack: three published flows, all started by the same event for
 * the same contact at the same moment, each sending a marketing message (two by SMS through the
 * twilio client to a local stand-in, one email to the outbox) under a cap of one marketing message
 * per contact per hour. Whichever run gets there first sends; the others are skipped for the cap,
 * either by the run's own look at the contact's recent messages or, when they passed that look
 * together, where the message is recorded (under the contact's lock). Each run then sends a
 * transactional message, which no cap holds back, and a second contact gets its own one message.
 */

const EVENT = 'sale.started';
/** The interpreter's step detail when its lookup finds the cap full (its progress report then records a skipped message). */
const CAP_LOOKUP_SKIP = 'frequency cap';

// No SMTP_URL: email goes to the outbox, recorded as sent with provider "outbox".
const { stack, twilio } = useTwilioStack();

interface SaleFlow {
  name: string;
  channel: 'sms' | 'email';
}
const SALE_FLOWS: SaleFlow[] = [
  { name: 'Sale A', channel: 'sms' },
  { name: 'Sale B', channel: 'sms' },
  { name: 'Sale C', channel: 'email' },
];

const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
const offerText = (flow: SaleFlow, who: Shopper) => `${flow.name}: 20 % off this weekend, ${who.firstName}.`;
const noticeText = (flow: SaleFlow) => `${flow.name}: your points balance was updated.`;

/** A message node: the marketing offer, or the transactional notice after it. */
function messageNode(flow: SaleFlow, id: 'offer' | 'notice', y: number): GraphNode {
  const transactional = id === 'notice';
  const text = transactional ? noticeText(flow) : `${flow.name}: 20 % off this weekend, {{ contact.firstName }}.`;
  const config = flow.channel === 'sms' ? { body: text, transactional } : { subject: text, mjml: mjml(text), transactional };
  return { id, type: flow.channel === 'sms' ? 'action.sendSms' : 'action.sendEmail', position: { x: 0, y }, config };
}

/** EVENT -> marketing offer -> transactional notice, under a cap of 1 marketing message per contact per hour. */
function saleFlow(flow: SaleFlow): FlowGraph {
  return {
    schemaVersion: 1,
    name: flow.name,
    settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC', frequencyCap: { max: 1, perSeconds: 3600, onLimit: 'skip' } },
    nodes: [{ id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: EVENT } }, messageNode(flow, 'offer', 150), messageNode(flow, 'notice', 300)],
    edges: [
      { id: 'trigger-offer', source: 'trigger', target: 'offer' },
      { id: 'offer-notice', source: 'offer', target: 'notice' },
    ],
  };
}

let flowIds: Map<string, SaleFlow>;
beforeAll(async () => {
  const ids = await Promise.all(SALE_FLOWS.map((flow) => stack.api.publishFlow(saleFlow(flow))));
  flowIds = new Map(ids.map((id, i) => [id, SALE_FLOWS[i] as SaleFlow]));
}, 30_000);

function flowOf(flowId: string): SaleFlow {
  const flow = flowIds.get(flowId);
  if (!flow) throw new Error(`a run of an unexpected flow ${flowId}`);
  return flow;
}

/** The contact's three runs, once all have ended, with their steps. */
async function endedRuns(contactId: string): Promise<RunDetail[]> {
  const runs = await eventually(
    `the three sale runs of contact ${contactId} to end`,
    () => stack.api.runs({ contactId }),
    (r) => r.length === SALE_FLOWS.length && r.every((run) => run.status === 'done'),
    { timeoutMs: 40_000 },
  );
  return Promise.all(runs.map((run) => stack.api.run(run.id)));
}

/** A message row as the assertions compare it. */
function rowOf(m: Message) {
  const { flowId = '', nodeId, channel, marketing, status, reason, provider } = m;
  return { flow: flowOf(flowId).name, nodeId, channel, marketing, status, reason, provider };
}

function expectedRow(flow: SaleFlow, nodeId: 'offer' | 'notice', outcome: { status: 'sent' } | { status: 'skipped'; reason: string }) {
  const sent = outcome.status === 'sent';
  return {
    flow: flow.name,
    nodeId,
    channel: flow.channel,
    marketing: nodeId === 'offer',
    status: outcome.status,
    reason: sent ? undefined : outcome.reason,
    provider: sent ? (flow.channel === 'sms' ? 'twilio' : 'outbox') : undefined,
  };
}

const byFlowAndNode = (a: { flow: string; nodeId?: string }, b: { flow: string; nodeId?: string }) => `${a.flow}/${a.nodeId}`.localeCompare(`${b.flow}/${b.nodeId}`);

/**
 * Everything the stack did for one contact, checked against the one outcome the cap allows:
 * one run sent its offer and the other two were skipped for the cap (the winner is whichever got
 * there first); every run sent its notice; the provider got exactly those messages.
 */
async function expectOneOfferPerContact(who: Shopper, contactId: string): Promise<void> {
  const runs = await endedRuns(contactId);
  const winners = runs.filter((run) => run.steps.find((s) => s.nodeId === 'offer')?.outcome === 'sent');
  expect(winners.map((run) => flowOf(run.flowId).name), `the flows whose offer reached ${who.id}`).toHaveLength(1);
  const winner = flowOf(winners[0]?.flowId ?? '');

  const expectedRows: ReturnType<typeof expectedRow>[] = [];
  for (const run of runs) {
    const flow = flowOf(run.flowId);
    const steps = run.steps.map((s) => [s.nodeId, s.outcome, s.detail]);
    const offer = steps.find(([nodeId]) => nodeId === 'offer');
    // A loser was stopped by one of the cap's two checks; either way its offer is a skipped message.
    const skippedBy = flow === winner ? undefined : offer?.[2] === CAP_LOOKUP_SKIP ? CAP_LOOKUP_SKIP : CAP_LOST_RACE;
    expect(steps, `the steps of ${flow.name} for ${who.id}`).toEqual([
      ['trigger', 'started', EVENT],
      skippedBy === undefined ? ['offer', 'sent', undefined] : ['offer', 'skipped', skippedBy],
      ['notice', 'sent', undefined],
    ]);
    expect(run).toMatchObject({ endReason: 'completed', nodeId: 'notice' });
    if (skippedBy === undefined) expectedRows.push(expectedRow(flow, 'offer', { status: 'sent' }));
    if (skippedBy !== undefined) expectedRows.push(expectedRow(flow, 'offer', { status: 'skipped', reason: skippedBy === CAP_LOST_RACE ? CAP_LOST_RACE : CAP_SKIP_REASON }));
    expectedRows.push(expectedRow(flow, 'notice', { status: 'sent' }));
  }
  const messages = await stack.api.messages({ contactId });
  expect(messages.map(rowOf).sort(byFlowAndNode)).toEqual(expectedRows.sort(byFlowAndNode));

  const sms = SALE_FLOWS.filter((flow) => flow.channel === 'sms');
  const expectedSms = [...sms.map(noticeText), ...(winner.channel === 'sms' ? [offerText(winner, who)] : [])];
  const atTwilio = twilio().messages.filter((m) => m.to === who.phone).map((m) => m.body);
  expect(atTwilio.sort()).toEqual(expectedSms.sort());
  if (winner.channel === 'email') {
    expect(messages.find((m) => m.nodeId === 'offer' && m.status === 'sent')?.subject).toBe(offerText(winner, who));
  }
}

describe('the frequency cap on the real stack', () => {
  it('three flows racing to one contact under a cap of 1: exactly one marketing message goes out, the others are skipped for the cap; transactional messages and another contact are unaffected', async () => {
    const ann = shopper('ann');
    const bob = shopper('bob');
    const posted = await stack.api.postEvents([shopEvent(EVENT, ann), shopEvent(EVENT, bob)]);
    expect([posted.status, posted.body.accepted]).toEqual([202, 2]);
    const [annId, bobId] = posted.body.results.map((r) => r.contactId);
    expect(annId).not.toBe(bobId);

    await expectOneOfferPerContact(ann, annId ?? '');
    await expectOneOfferPerContact(bob, bobId ?? '');
  }, 60_000);
});
