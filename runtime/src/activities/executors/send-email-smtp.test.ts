import { beforeEach, expect, it } from 'vitest';
import { outboxChannel } from '../../channels/outbox';
import { useTestSmtp } from '../../channels/test-smtp';
import { listMessages } from '../../db/messages';
import { useTestDatabase } from '../../db/test-database';
import { orderEmail, twoItemOrder } from '../../email/test-emails';
import { trackingLinks } from '../../links/message-links';
import { createFlowActivities } from '../index';
import { NOW, effectCommand, runRef, storeContact, testMessaging } from '../test-fixtures';

/* The email executor through the real SMTP channel into a real SMTP server, retried the way Temporal retries the activity. */

const db = useTestDatabase();
const smtp = useTestSmtp();

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  smtp.server.received.length = 0;
});

/** Calls the activity again after each thrown error, as Temporal's retry policy would, up to `attempts`. */
async function withRetries(attempts: number) {
  const activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: { email: smtp.channel, sms: outboxChannel() }, now: () => NOW, log: { warn: () => undefined } });
  const command = effectCommand('action.sendEmail', { ...orderEmail, transactional: false }, { nodeId: 'mail', message: { channel: 'email', marketing: true }, context: { order: twoItemOrder } });
  const errors: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return { result: await activities.executeEffect({ run: runRef(), command }), errors };
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  return { result: undefined, errors };
}

it('a server that answers 451 three times, then accepts: exactly one email arrives and one message is stored as sent', async () => {
  smtp.server.answer({ onMessage: (n) => (n <= 3 ? { code: 451, message: 'Greylisted, try again later' } : 'accept') });
  const { result, errors } = await withRetries(10);

  expect(errors).toEqual(Array(3).fill('the mail server did not take the email (451 Greylisted, try again later); it is tried again'));
  expect(smtp.server.dataCount).toBe(4);
  expect(smtp.server.received).toHaveLength(1);
  const messages = (await listMessages(db.sql)).items;
  expect(messages).toMatchObject([{ status: 'sent', provider: 'smtp', providerId: `<${messages[0]?.id}@example.com>` }]);
  expect(result).toEqual({ status: 'sent', messageId: messages[0]?.id });

  const parsed = smtp.server.received[0]?.parsed;
  const links = trackingLinks(testMessaging, 'run-1:mail:1');
  expect(parsed?.messageId).toBe(`<${messages[0]?.id}@example.com>`);
  expect(parsed?.subject).toBe('Order 2025-1042: thank you, Ann');
  expect(parsed?.html).toContain('<td>Cup &amp; saucer</td>');
  expect(parsed?.text).toContain('Cup & saucer | 1 | 250 CZK');
  // Unfolded as mail clients read long header lines.
  const headerLines = smtp.server.received[0]?.raw.replace(/\r\n(?=[ \t])/g, '').split('\r\n');
  expect(headerLines).toContain(`List-Unsubscribe: <${links.unsubscribe}>`);
  expect(headerLines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
});

it('the connection lost after the content went out: the message is recorded as failed (delivery unknown) and never sent again', async () => {
  smtp.server.answer({ onMessage: () => 'drop' });
  const first = await withRetries(1);
  smtp.server.answer({});
  const again = await withRetries(1);

  expect(first.result).toEqual({ status: 'failed', reason: expect.stringMatching(/^delivery unknown \(the connection to the mail server ended after the email was sent/) });
  expect(again.result).toEqual(first.result);
  expect(smtp.server.received).toEqual([]);
  expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', reason: first.result?.reason }]);
});
