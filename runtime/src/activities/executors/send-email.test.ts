import { beforeEach, describe, expect, it } from 'vitest';
import { updateContact } from '../../db/contacts';
import { listMessages } from '../../db/messages';
import { suppress } from '../../db/suppressions';
import { useTestDatabase } from '../../db/test-database';
import { orderEmail, twoItemOrder } from '../../email/test-emails';
import { verifyLink } from '../../links/link-token';
import { trackingLinks } from '../../links/message-links';
import { createFlowActivities } from '../index';
import { NOW, effectCommand, recordingChannels, runRef, storeContact, testMessaging } from '../test-fixtures';

const db = useTestDatabase();
const marketingEmail = { channel: 'email', marketing: true } as const;
const emailConfig = { ...orderEmail, from: 'Shop <shop@example.com>', transactional: false };
const links = trackingLinks(testMessaging, 'run-1:mail:1');

let channels: ReturnType<typeof recordingChannels>;
let activities: ReturnType<typeof createFlowActivities>;

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  channels = recordingChannels();
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels, now: () => NOW, log: { warn: () => undefined } });
});

const send = (config: Record<string, unknown> = emailConfig, options: Parameters<typeof effectCommand>[2] = {}) =>
  activities.executeEffect({ run: runRef(), command: effectCommand('action.sendEmail', config, { nodeId: 'mail', message: marketingEmail, context: { order: twoItemOrder }, ...options }) });

describe('action.sendEmail', () => {
  it('sends the HTML and text parts with the one-click unsubscribe headers, and stores the personalized MJML', async () => {
    const result = await send();
    const [sent] = channels.email.sent;
    expect(sent).toEqual({
      id: expect.stringMatching(/^msg_/),
      idempotencyKey: 'run-1:mail:1',
      to: ['ann@example.com'],
      from: 'Shop <shop@example.com>',
      subject: 'Order 2025-1042: thank you, Ann',
      html: expect.stringContaining('<td>Sencha</td>'),
      text: expect.stringContaining('Sencha | 2 | 149 CZK'),
      headers: { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      marketing: true,
    });
    expect(sent?.html).toContain(`<a href="${links.unsubscribe}">Unsubscribe</a>`);
    expect(sent?.html).toContain(`<img src="${links.open}" width="1" height="1"`);
    const clicks = [...(sent?.html ?? '').matchAll(/href="http:\/\/nudgeflow\.test\/api\/t\/c\/([^"]+)"/g)].map((m) => verifyLink(testMessaging.linkSecret, m[1] ?? ''));
    expect(clicks).toEqual([{ kind: 'click', message: 'run-1:mail:1', url: 'https://shop.example.com/orders/o-1042?utm_source=email&utm_medium=flow' }]);
    expect(result).toEqual({ status: 'sent', messageId: sent?.id });

    const [stored] = (await listMessages(db.sql)).items;
    expect(stored).toMatchObject({ channel: 'email', to: 'ann@example.com', subject: 'Order 2025-1042: thank you, Ann', status: 'sent', provider: 'smtp', providerId: 'smtp-1' });
    expect(stored?.body).toMatch(/^<mjml><mj-head><mj-preview>2 items on their way<\/mj-preview><\/mj-head>/);
    expect(stored?.body).toContain(`<a href="${links.unsubscribe}">Unsubscribe</a>`);
  });

  it('sends transactional mail without unsubscribe headers', async () => {
    await send({ ...emailConfig, transactional: true }, { message: { channel: 'email', marketing: false } });
    expect(channels.email.sent.map((m) => [m.marketing, m.headers])).toEqual([[false, undefined]]);
  });

  it('renders the same links on a retry after a failed hand-over, so the stored MJML matches what was sent', async () => {
    channels.email.fail = () => new Error('451 try again later');
    await expect(send()).rejects.toThrow('451 try again later');
    channels.email.fail = undefined;
    await send();
    const [stored] = (await listMessages(db.sql)).items;
    expect(channels.email.sent).toHaveLength(1);
    expect(stored?.body).toContain(links.viewInBrowser);
    expect(channels.email.sent[0]?.html).toContain(links.viewInBrowser);
  });

  it.each([
    ['no consent', { consent: { sms: true } }, undefined],
    ['suppressed', {}, 'email'],
    ['suppressed', {}, 'all'],
    ['no email address', { email: undefined }, undefined],
  ] as const)('skips a marketing email: %s', async (reason, change, suppression) => {
    await updateContact(db.sql, 'ann', change);
    if (suppression) await suppress(db.sql, { contactId: 'ann', channel: suppression, reason: 'unsubscribed' });
    expect(await send()).toEqual({ status: 'skipped', reason });
    expect(channels.email.sent).toEqual([]);
  });

  it('sends transactional mail to a contact who unsubscribed from marketing', async () => {
    await suppress(db.sql, { contactId: 'ann', channel: 'email', reason: 'unsubscribed' });
    expect(await send({ ...emailConfig, transactional: true }, { message: { channel: 'email', marketing: false } })).toMatchObject({ status: 'sent' });
  });

  it('an SMS-only suppression does not stop email', async () => {
    await suppress(db.sql, { contactId: 'ann', channel: 'sms', reason: 'STOP' });
    expect(await send()).toMatchObject({ status: 'sent' });
  });

  it('fails the node (the run goes on) when the template does not render or is not MJML at all', async () => {
    expect(await send({ ...emailConfig, subject: '{{ order.number | nope }}' })).toEqual({ status: 'failed', reason: expect.stringMatching(/^subject: undefined filter: nope/) });
    await db.reset();
    await storeContact(db.sql);
    expect(await send({ ...emailConfig, mjml: 'Hi {{ contact.firstName }}' })).toEqual({ status: 'failed', reason: 'mjml: the email could not be read as MJML: Parsing failed. Check your mjml.' });
    expect(channels.email.sent).toEqual([]);
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', body: 'Hi Ann' }]);
  });

  it('test runs go to the outbox with working links', async () => {
    const run = runRef({ runId: 'test-run', test: true });
    const command = effectCommand('action.sendEmail', emailConfig, { run, nodeId: 'mail', message: marketingEmail, context: { order: twoItemOrder } });
    const result = await activities.executeEffect({ run, command });
    const [message] = (await listMessages(db.sql)).items;
    expect(channels.email.sent).toEqual([]);
    expect(result).toEqual({ status: 'sent', messageId: message?.id });
    expect(message).toMatchObject({ status: 'sent', provider: 'outbox', test: true });
    expect(message?.body).toContain(trackingLinks(testMessaging, 'test-run:mail:1').unsubscribe);
  });
});
