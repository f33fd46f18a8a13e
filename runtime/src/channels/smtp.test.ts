import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpChannel } from './smtp';
import { useTestSmtp } from './test-smtp';
import { ChannelRejection, DeliveryUnknown, type EmailMessage } from './types';

const smtp = useTestSmtp();

afterEach(() => {
  smtp.server.answer({});
  smtp.server.received.length = 0;
});

const message = (extra: Partial<EmailMessage> = {}): EmailMessage => ({
  id: 'msg_abc123',
  idempotencyKey: 'run-1:mail:1',
  to: ['ann@example.com'],
  subject: 'Order 2025-1042 – díky',
  html: '<html><body><p>Hi <a href="https://mail.example.com/api/t/c/x">Ann</a></p></body></html>',
  text: 'Hi Ann (https://mail.example.com/api/t/c/x)',
  headers: { 'List-Unsubscribe': '<https://mail.example.com/api/unsubscribe/tok>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  marketing: true,
  ...extra,
});

/** What the send threw, by class and message. */
async function failure(promise: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error;
    return { kind: e instanceof ChannelRejection ? 'rejection' : e instanceof DeliveryUnknown ? 'unknown' : e.constructor.name, message: e.message };
  }
  throw new Error('expected the send to fail');
}

describe('smtpChannel', () => {
  it('is the "smtp" provider and cannot deduplicate', () => {
    expect([smtp.channel.provider, smtp.channel.idempotent]).toEqual(['smtp', false]);
  });

  it('sends the HTML and text parts, the headers, and a Message-ID made from our message id', async () => {
    const result = await smtp.channel.send(message());
    expect(result).toEqual({ providerId: '<msg_abc123@example.com>' });
    expect(smtp.server.received).toHaveLength(1);
    const [mail] = smtp.server.received;
    expect(mail?.envelope).toEqual({ from: 'shop@example.com', to: ['ann@example.com'] });
    const parsed = mail?.parsed;
    expect(parsed?.messageId).toBe('<msg_abc123@example.com>');
    expect(parsed?.from?.value).toEqual([{ name: 'Shop', address: 'shop@example.com' }]);
    expect(parsed?.to && !Array.isArray(parsed.to) ? parsed.to.value : undefined).toEqual([{ name: '', address: 'ann@example.com' }]);
    expect(parsed?.subject).toBe('Order 2025-1042 – díky');
    expect(parsed?.html).toBe('<html><body><p>Hi <a href="https://mail.example.com/api/t/c/x">Ann</a></p></body></html>');
    expect(parsed?.text).toBe('Hi Ann (https://mail.example.com/api/t/c/x)');
    // mailparser folds List-* headers into one "list" entry; the raw lines are what mail clients read.
    expect(mail?.raw).toMatch(/^List-Unsubscribe: <https:\/\/mail\.example\.com\/api\/unsubscribe\/tok>\r$/m);
    expect(mail?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  });

  it('uses the message’s own sender, and sends plain-text mail without an HTML part', async () => {
    await smtp.channel.send(message({ id: 'msg_2', from: 'Alerts <alerts@shop.example.org>', html: undefined, headers: undefined }));
    const parsed = smtp.server.received[0]?.parsed;
    expect(parsed?.messageId).toBe('<msg_2@shop.example.org>');
    expect(parsed?.from?.value).toEqual([{ name: 'Alerts', address: 'alerts@shop.example.org' }]);
    expect(parsed?.html).toBe(false);
    expect(smtp.server.received[0]?.raw).not.toMatch(/^List-Unsubscribe/m);
  });

  it('a recipient refused for good (550 to RCPT TO): ChannelRejection', async () => {
    smtp.server.answer({ onRecipient: () => ({ code: 550, message: 'No such user here' }) });
    expect(await failure(smtp.channel.send(message()))).toEqual({ kind: 'rejection', message: 'the mail server refused the email: 550 No such user here' });
  });

  it('the message refused for good after its content (554 to DATA): ChannelRejection', async () => {
    smtp.server.answer({ onMessage: () => ({ code: 554, message: 'Message rejected as spam' }) });
    expect(await failure(smtp.channel.send(message()))).toEqual({ kind: 'rejection', message: 'the mail server refused the email: 554 Message rejected as spam' });
  });

  it('a temporary refusal after the content (451): a plain error, to be tried again', async () => {
    smtp.server.answer({ onMessage: () => ({ code: 451, message: 'Try again later' }) });
    expect(await failure(smtp.channel.send(message()))).toEqual({ kind: 'Error', message: 'the mail server did not take the email (451 Try again later); it is tried again' });
    expect(smtp.server.received).toEqual([]);
  });

  it('a server too busy to talk (421 greeting): a plain error, to be tried again', async () => {
    const busy = smtpChannel({ url: smtp.server.url, from: 'shop@example.com' });
    smtp.server.answer({ onConnection: () => ({ code: 421, message: 'Too busy' }) });
    try {
      expect(await failure(busy.send(message()))).toEqual({ kind: 'Error', message: 'the mail server did not take the email (421 Too busy); it is tried again' });
    } finally {
      busy.close();
    }
    expect(smtp.server.received).toEqual([]);
  });

  it('a server that cannot be reached: a plain error, to be tried again', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const port = typeof address === 'object' && address ? address.port : 0;
    const unreachable = smtpChannel({ url: `smtp://127.0.0.1:${port}`, from: 'shop@example.com' });
    try {
      expect(await failure(unreachable.send(message()))).toMatchObject({ kind: 'Error', message: expect.stringMatching(/^the mail server could not be reached or dropped the connection before the email was sent \(.*ECONNREFUSED.*\); it is tried again$/) });
    } finally {
      unreachable.close();
    }
  });

  it('the connection lost after the content went out, before the final reply: DeliveryUnknown, and nodemailer does not resend it', async () => {
    smtp.server.answer({ onMessage: () => 'drop' });
    const result = await failure(smtp.channel.send(message()));
    expect(result).toMatchObject({ kind: 'unknown', message: expect.stringMatching(/^the connection to the mail server ended after the email was sent, before the server confirmed it/) });
    expect(smtp.server.dataCount).toBe(1);
    // The pool would have handed a requeued message over again by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.server.dataCount).toBe(1);
  });

  it('an address nodemailer cannot send to at all: ChannelRejection', async () => {
    expect(await failure(smtp.channel.send(message({ to: [] })))).toEqual({ kind: 'rejection', message: 'the email cannot be sent: No recipients defined' });
  });
});
