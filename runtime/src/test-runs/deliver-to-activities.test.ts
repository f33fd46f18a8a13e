import { beforeEach, describe, expect, it } from 'vitest';
import { createFlowActivities } from '../activities/index';
import { NOW, effectCommand, recordingChannels, runRef, storeContact, testMessaging } from '../activities/test-fixtures';
import { listMessages } from '../db/messages';
import { useTestDatabase } from '../db/test-database';

/* A live test run with deliverTo, through the real activities: the admin gets the messages, never the contact nor staff. */

const db = useTestDatabase();
let channels: ReturnType<typeof recordingChannels>;
let activities: ReturnType<typeof createFlowActivities>;
const run = runRef({ runId: 'trun_1', test: true, deliverTo: { email: 'admin@shop.example', phone: '+420606000111' } });

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  channels = recordingChannels();
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels, now: () => NOW });
});

describe('a test run with deliverTo', () => {
  it("sends the SMS through the real channel to the admin's number, recorded as a test message to that number", async () => {
    const command = effectCommand('action.sendSms', { body: 'Hi {{ contact.firstName }}', transactional: false }, { run, nodeId: 'sms', message: { channel: 'sms', marketing: true } });
    expect(await activities.executeEffect({ run, command })).toMatchObject({ status: 'sent' });
    expect(channels.sms.sent).toEqual([expect.objectContaining({ to: '+420606000111', body: 'Hi Ann' })]);
    expect((await listMessages(db.sql)).items).toEqual([expect.objectContaining({ to: '+420606000111', provider: 'twilio', test: true, status: 'sent' })]);
  });

  it('sends emails, staff alerts too, to the admin only', async () => {
    const email = effectCommand('action.sendEmail', { subject: 'Hi {{ contact.firstName }}', mjml: '<mjml><mj-body><mj-text>Hi</mj-text></mj-body></mjml>', transactional: true }, { run, nodeId: 'email' });
    const alert = effectCommand('action.notify', { to: ['orders@example.com'], subject: 'Alert', body: 'Look' }, { run, nodeId: 'alert' });
    await activities.executeEffect({ run, command: email });
    await activities.executeEffect({ run, command: alert });
    expect(channels.email.sent.map((m) => [m.subject, m.to])).toEqual([
      ['Hi Ann', ['admin@shop.example']],
      ['Alert', ['admin@shop.example']],
    ]);
    const rows = (await listMessages(db.sql)).items.map((m) => [m.nodeId, m.to, m.test]);
    expect(rows.sort()).toEqual([
      ['alert', 'orders@example.com', true],
      ['email', 'admin@shop.example', true],
    ]);
  });

  it('keeps a channel without an address of the admin in the outbox', async () => {
    const smsOnly = runRef({ runId: 'trun_2', test: true, deliverTo: { phone: '+420606000111' } });
    const email = effectCommand('action.sendEmail', { subject: 'Hi', mjml: '<mjml><mj-body><mj-text>Hi</mj-text></mj-body></mjml>', transactional: true }, { run: smsOnly, nodeId: 'email' });
    await activities.executeEffect({ run: smsOnly, command: email });
    expect(channels.email.sent).toEqual([]);
    expect((await listMessages(db.sql)).items).toEqual([expect.objectContaining({ to: 'ann@example.com', provider: 'outbox', test: true })]);
  });
});
