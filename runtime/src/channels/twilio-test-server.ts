import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/*
 * A local stand-in for Twilio's Messages API, for tests: the real twilio client talks to it
 * (TWILIO_API_URL), so its request encoding, auth and response parsing are the product's own.
 * It can also play Twilio's side of the callbacks: signed status reports and inbound replies.
 */

/** A message the stand-in accepted, with the fields the client sent. */
export interface StandInMessage {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
}

/** What the next request gets instead of being accepted. */
export type StandInFailure =
  /** An error answer in Twilio's shape, e.g. { status: 503 } or { status: 400, code: 21211 }. */
  | { status: number; code?: number; message?: string }
  /** The request is read in full, then the connection is closed without an answer. */
  | 'drop';

export interface TwilioStandIn {
  /** The base URL to give the client (TWILIO_API_URL). */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Accepted messages, oldest first. */
  readonly messages: StandInMessage[];
  /** Every Messages API request received, accepted or not. */
  readonly requests: number;
  /** The next `count` requests get `failure`, after any failures scripted before. */
  failNext(count: number, failure: StandInFailure): void;
  /** Forgets messages, requests and scripted failures. */
  reset(): void;
  close(): Promise<void>;
}

export const TEST_ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TEST_AUTH_TOKEN = 'twilio-test-auth-token';

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

function errorAnswer(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
}

const defaultErrors: Record<number, { code: number; message: string }> = {
  400: { code: 21211, message: "Invalid 'To' Phone Number" },
  429: { code: 20429, message: 'Too Many Requests' },
  503: { code: 20503, message: 'Service Unavailable' },
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function messageJson(accountSid: string, m: StandInMessage, now: Date) {
  const date = now.toUTCString().replace('GMT', '+0000');
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: m.body,
    date_created: date,
    date_sent: null,
    date_updated: date,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: m.from ?? null,
    messaging_service_sid: m.messagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: m.sid,
    status: m.messagingServiceSid && !m.from ? 'accepted' : 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}/Media.json` },
    to: m.to,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
  };
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startTwilioStandIn(options: { accountSid?: string; authToken?: string } = {}): Promise<TwilioStandIn> {
  const accountSid = options.accountSid ?? TEST_ACCOUNT_SID;
  const authToken = options.authToken ?? TEST_AUTH_TOKEN;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const messages: StandInMessage[] = [];
  let failures: StandInFailure[] = [];
  let requests = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const form = new URLSearchParams(await readBody(req));
    const match = MESSAGES_PATH.exec(path);
    if (req.method !== 'POST' || !match) return errorAnswer(res, 404, 20404, `The requested resource ${path} was not found`);
    requests += 1;
    if (req.headers.authorization !== expectedAuth || match[1] !== accountSid) return errorAnswer(res, 401, 20003, 'Authenticate');
    const failure = failures.shift();
    if (failure === 'drop') {
      req.socket.destroy();
      return;
    }
    if (failure) {
      const known = defaultErrors[failure.status] ?? { code: 20500, message: 'Internal Server Error' };
      return errorAnswer(res, failure.status, failure.code ?? known.code, failure.message ?? known.message);
    }
    const [to, body, from, service] = ['To', 'Body', 'From', 'MessagingServiceSid'].map((name) => form.get(name) ?? undefined);
    if (!to) return errorAnswer(res, 400, 21604, "A 'To' phone number is required.");
    if (!body) return errorAnswer(res, 400, 21602, 'Message body is required.');
    if (!from && !service) return errorAnswer(res, 400, 21603, "A 'From' phone number is required.");
    const statusCallback = form.get('StatusCallback') ?? undefined;
    const message: StandInMessage = { sid: `SM${randomBytes(16).toString('hex')}`, to, body, ...(from ? { from } : {}), ...(service ? { messagingServiceSid: service } : {}), ...(statusCallback ? { statusCallback } : {}) };
    messages.push(message);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify(messageJson(accountSid, message, new Date())));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => errorAnswer(res, 500, 20500, String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    get requests() {
      return requests;
    },
    failNext(count, failure) {
      failures.push(...Array.from({ length: count }, () => failure));
    },
    reset() {
      messages.length = 0;
      failures = [];
      requests = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A form POST as Twilio sends it to a callback URL: form-encoded, signed with the auth token. */
export function signedTwilioRequest(url: string, params: Record<string, string>, authToken = TEST_AUTH_TOKEN): RequestInit & { headers: Record<string, string>; body: string } {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  };
}
