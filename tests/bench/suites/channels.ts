import type { Contact, RunContext } from '@nudgeflow/shared';
import { SMTPServer } from 'smtp-server';
import { smtpChannel } from '../../../runtime/src/channels/smtp';
import type { EmailMessage } from '../../../runtime/src/channels/types';
import { emailContent, personalizeEmail, unsubscribeHeaders } from '../../../runtime/src/email/render-email';
import { orderEmail, twoItemOrder } from '../../../runtime/src/email/test-emails';
import { trackingLinks } from '../../../runtime/src/links/message-links';
import type { BenchRow } from '../results-file';

const messaging = { publicUrl: 'https://mail.example.com', linkSecret: 'bench-link-secret-0123456789' };
const RENDER_MS = 3_000;
const SEND = { messages: 2_000, inFlight: 20 };

function context(i: number): RunContext {
  const contact: Contact = { id: `c${i}`, email: `customer${i}@example.com`, firstName: `Customer ${i}`, tags: [], consent: { email: true } };
  return { flow: { id: 'bench', name: 'Bench', version: 1 }, runId: `run-${i}`, contact, order: { ...twoItemOrder, number: `2025-${i}` }, codes: {} };
}

/** One email as the executor builds it: Liquid with the message's links, MJML to HTML, tracking, the text part. */
async function render(i: number): Promise<EmailMessage> {
  const links = trackingLinks(messaging, `run-${i}:mail:1`);
  const { subject, mjml } = personalizeEmail(orderEmail, context(i), links);
  const { html, text } = await emailContent(mjml, links);
  return { id: `msg_${i}`, idempotencyKey: `run-${i}:mail:1`, to: [`customer${i}@example.com`], subject, html, text, headers: unsubscribeHeaders(links), marketing: true };
}

/** A local SMTP server that accepts everything and only counts (parsing would take CPU from the sender it shares). */
async function countingServer(): Promise<{ url: string; accepted: () => number; stop: () => Promise<void> }> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted += 1;
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the bench SMTP server has no port');
  return { url: `smtp://127.0.0.1:${address.port}`, accepted: () => accepted, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function channelsSuite(): Promise<{ rows: BenchRow[]; notes: string }> {
  // Rendering: warm-up (mjml loads its components on first use), then as many as fit in the time.
  const sample = await render(0);
  let rendered = 0;
  const renderStart = performance.now();
  while (performance.now() - renderStart < RENDER_MS) await render(++rendered);
  const renderPerSecond = rendered / ((performance.now() - renderStart) / 1000);

  const server = await countingServer();
  const channel = smtpChannel({ url: server.url, from: 'Bench Shop <shop@example.com>' });
  try {
    await channel.send({ ...sample, id: 'msg_warm-up' });
    let next = 0;
    const sendStart = performance.now();
    const sender = async () => {
      while (next < SEND.messages) {
        const i = next++;
        await channel.send({ ...sample, id: `msg_s${i}` });
      }
    };
    await Promise.all(Array.from({ length: SEND.inFlight }, sender));
    const sendSeconds = (performance.now() - sendStart) / 1000;
    if (server.accepted() !== SEND.messages + 1) throw new Error(`the SMTP server accepted ${server.accepted()} of ${SEND.messages + 1} messages`);

    const rows: BenchRow[] = [
      { metric: 'emails rendered (Liquid + MJML + tracking + text, 2-item product table)', value: renderPerSecond, unit: 'emails/s' },
      { metric: `emails sent through smtpChannel (${SEND.inFlight} in flight, 5 pooled connections)`, value: SEND.messages / sendSeconds, unit: 'emails/s' },
    ];
    const size = Buffer.byteLength(sample.html ?? '') + Buffer.byteLength(sample.text);
    return {
      rows,
      notes:
        `Rendering: the order email of the channel tests (runtime/src/email/test-emails.ts) for a new contact each time, one at a time, ` +
        `for ${RENDER_MS / 1000} s after a warm-up. Sending: ${SEND.messages.toLocaleString('en-US')} copies of one rendered email ` +
        `(${Math.round(size / 1024)} KiB of HTML and text) to an SMTP server in the same process that accepts and counts them ` +
        `(smtp-server, no TLS), so both ends share the CPU.`,
    };
  } finally {
    channel.close();
    await server.stop();
  }
}
