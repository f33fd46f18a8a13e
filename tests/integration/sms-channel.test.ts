import type { FlowGraph } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { signedTwilioRequest, type StandInMessage } from '../../runtime/src/channels/twilio-test-server';
import type { Message } from './api-client';
import { eventually, sleep } from './poll';
import { durationMs, ebookOrder, expectedReminderSms, orderConfirmationFlow, paymentReminderFlow, shopEvent, shopper, type Shopper } from './shop-data';
import { TWILIO_FROM, useTwilioStack } from './twilio-stack';

/*
 * SMS on the real stack: the worker process sends through the real twilio client to a local
 * stand-in of Twilio's Messages API, and the stand-in plays Twilio's side of the callbacks
 * (signed delivery reports and replies) against the API.
 */

const { stack, twilio } = useTwilioStack();

beforeEach(() => twilio().reset());

/** A flow that sends one SMS when the shop sends `event`: custom event names keep each test's flow to itself. */
function smsOn(event: string, name: string, sms: { body: string; transactional: boolean }): FlowGraph {
  const graph = orderConfirmationFlow(name);
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.type === 'trigger.event' ? { ...n, config: { event } } : n.type === 'action.sendSms' ? { ...n, config: sms } : n)),
  };
}

const sentTo = (who: Shopper): StandInMessage[] => twilio().messages.filter((m) => m.to === who.phone);

async function contactOf(posted: Promise<{ status: number; body: { results: { contactId: string }[] } }>): Promise<string> {
  const { status, body } = await posted;
  expect(status).toBe(202);
  return body.results[0]?.contactId ?? '';
}

/** The contact's SMS in this flow once there are `count` of them with a final status. */
function finalSms(flowId: string, contactId: string, count: number): Promise<Message[]> {
  return eventually(
    `${count} final SMS for contact ${contactId}`,
    () => stack.api.messages({ flowId, contactId, channel: 'sms' }),
    (messages) => messages.length === count && messages.every((m) => m.status !== 'queued' && m.status !== 'failed'),
    { timeoutMs: 45_000 },
  );
}

describe('SMS through the twilio client', () => {
  it('the payment reminder sends exactly one SMS through the client, recorded with Twilio’s SID', async () => {
    const flowId = await stack.api.publishFlow(paymentReminderFlow({ paymentTimeout: 'PT3S', name: 'Payment reminder (SMS)' }));
    const who = shopper('reminded');
    const order = ebookOrder('reminded');
    const contactId = await contactOf(stack.api.postEvents(shopEvent('order.created', who, order)));

    const [sms] = await finalSms(flowId, contactId, 1);
    await sleep(durationMs('PT3S')); // time for a stray second send to show
    expect(sentTo(who)).toEqual([{ sid: expect.stringMatching(/^SM[0-9a-f]{32}$/), to: who.phone, from: TWILIO_FROM, body: expectedReminderSms(who, order), statusCallback: `${stack.api.baseUrl}/api/twilio/status` }]);
    expect(sms).toMatchObject({ nodeId: 'sms_reminder', to: who.phone, body: expectedReminderSms(who, order), status: 'sent', provider: 'twilio', providerId: sentTo(who)[0]?.sid });
    expect(await stack.api.messages({ flowId, contactId, channel: 'sms' })).toHaveLength(1);
  }, 90_000);

  it('a 5xx storm ends with exactly one message at Twilio and the row sent with its SID; a signed report marks it delivered', async () => {
    const flowId = await stack.api.publishFlow(smsOn('sms.storm', 'SMS storm', { body: 'Thanks {{ contact.firstName }}, we got order {{ order.number }}.', transactional: true }));
    twilio().failNext(2, { status: 503 });
    twilio().failNext(1, { status: 429 });
    const who = shopper('storm');
    const order = ebookOrder('storm');
    const contactId = await contactOf(stack.api.postEvents(shopEvent('sms.storm', who, order)));

    const [sms] = await finalSms(flowId, contactId, 1);
    await sleep(3000);
    const [accepted] = sentTo(who);
    expect(sentTo(who)).toHaveLength(1);
    expect(twilio().requests).toBe(4);
    expect(sms).toMatchObject({ status: 'sent', provider: 'twilio', providerId: accepted?.sid, body: `Thanks ${who.firstName}, we got order ${order.number}.` });
    expect(sms?.reason).toBeUndefined();

    // Twilio reports delivery to the callback the worker gave it, signed with the auth token.
    const callback = accepted?.statusCallback ?? '';
    const report = await fetch(callback, signedTwilioRequest(callback, { AccountSid: twilio().accountSid, MessageSid: accepted?.sid ?? '', MessageStatus: 'delivered', To: who.phone }));
    expect(report.status).toBe(204);
    const [delivered] = await stack.api.messages({ flowId, contactId, channel: 'sms' });
    expect(delivered).toMatchObject({ id: sms?.id, status: 'delivered', providerId: accepted?.sid });
  }, 90_000);

  it('a STOP reply suppresses SMS at once: the next marketing SMS to that contact is skipped as suppressed', async () => {
    const flowId = await stack.api.publishFlow(smsOn('promo.started', 'SMS promo', { body: 'Hi {{ contact.firstName }}, 20 % off this weekend.', transactional: false }));
    const who = shopper('stopper');
    const contactId = await contactOf(stack.api.postEvents(shopEvent('promo.started', who)));
    await finalSms(flowId, contactId, 1);

    const inbound = `${stack.api.baseUrl}/api/twilio/inbound`;
    const reply = await fetch(inbound, signedTwilioRequest(inbound, { AccountSid: twilio().accountSid, MessageSid: `SM${'1'.repeat(32)}`, From: who.phone, To: TWILIO_FROM, Body: 'Stop' }));
    expect([reply.status, await reply.text()]).toEqual([200, '<?xml version="1.0" encoding="UTF-8"?><Response/>']);

    await stack.api.postEvents(shopEvent('promo.started', who));
    const messages = await finalSms(flowId, contactId, 2);
    expect(messages.map((m) => [m.status, m.reason])).toEqual([
      ['skipped', 'suppressed'],
      ['sent', undefined],
    ]);
    expect(sentTo(who)).toHaveLength(1);
  }, 90_000);
});
