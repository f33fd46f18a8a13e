import type { Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in this process, for tests and the benchmark: it keeps every message it
 * accepts (raw and parsed with mailparser) and can be told to refuse or drop, attempt by attempt.
 */

/** How the server answers: accept, an SMTP error reply, or (after DATA only) close the connection without a reply. */
export type SmtpAnswer = 'accept' | 'drop' | { code: number; message?: string };

export interface SmtpTestServerOptions {
  /** The greeting of the n-th connection (1-based): accept, or a reply such as 421 that ends it. */
  onConnection?: (n: number) => SmtpAnswer;
  /** The final reply to the n-th message whose content arrived (1-based). */
  onMessage?: (n: number) => SmtpAnswer;
  /** The reply to RCPT TO for an address. */
  onRecipient?: (address: string) => SmtpAnswer;
}

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpTestServer {
  readonly port: number;
  /** smtp://127.0.0.1:<port> */
  readonly url: string;
  /** Messages accepted (answered 250), in order. */
  readonly received: ReceivedMail[];
  /** How many messages' content arrived, whatever the answer. */
  readonly dataCount: number;
  /** Sets the answers for what comes next (and resets the attempt counters). */
  answer(options: SmtpTestServerOptions): void;
  stop(): Promise<void>;
}

function replyError(answer: Exclude<SmtpAnswer, 'accept' | 'drop'>): Error {
  return Object.assign(new Error(answer.message ?? 'refused by the test server'), { responseCode: answer.code });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSmtpTestServer(initial: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  let options = initial;
  let connections = 0;
  let dataCount = 0;
  const received: ReceivedMail[] = [];
  // The sockets of open sessions by client port: "drop" closes one without a reply.
  const sockets = new Map<number, Socket>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      const answer = options.onConnection?.(++connections) ?? 'accept';
      callback(typeof answer === 'object' ? replyError(answer) : null);
    },
    onRcptTo(address, _session, callback) {
      const answer = options.onRecipient?.(address.address) ?? 'accept';
      callback(typeof answer === 'object' ? replyError(answer) : null);
    },
    onData(stream, session, callback) {
      void readAll(stream).then(async (raw) => {
        const answer = options.onMessage?.(++dataCount) ?? 'accept';
        if (answer === 'drop') {
          sockets.get(session.remotePort)?.destroy();
          return;
        }
        if (typeof answer === 'object') return callback(replyError(answer));
        const envelope = {
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        received.push({ envelope, raw, parsed: await simpleParser(raw) });
        callback(null);
      }, callback);
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the SMTP test server has no port');
  const { port } = address;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get dataCount() {
      return dataCount;
    },
    answer(next) {
      options = next;
      connections = 0;
      dataCount = 0;
    },
    async stop() {
      for (const socket of sockets.values()) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
