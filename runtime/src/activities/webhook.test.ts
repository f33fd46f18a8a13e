import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asyncLocalStorage, type Context } from '@temporalio/activity';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../channels/http-signature';
import type { MessagingSettings } from '../channels/settings';
import { listMessages } from '../db/messages';
import { useTestDatabase } from '../db/test-database';
import { WebhookUnavailable } from './executors/webhook';
import { createFlowActivities } from './index';
import { NOW, effectCommand, failureOf, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

const db = useTestDatabase();

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let base: string;
const received: Received[] = [];
/** Status per path; a list is answered in turn. */
let answers: Record<string, number | number[]> = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ method: req.method ?? '', path, headers: req.headers, body });
      const answer = answers[path];
      const status = Array.isArray(answer) ? answer.shift() : answer;
      if (status === undefined) return; // never answers: a hanging endpoint
      res.writeHead(status, { 'content-type': 'text/plain', ...(status === 301 ? { location: `${base}/ok` } : {}) }).end(`answer ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let activities: ReturnType<typeof createFlowActivities>;
const activitiesWith = (messaging: Partial<MessagingSettings>) =>
  createFlowActivities({ sql: db.sql, messaging: { ...testMessaging, ...messaging }, channels: recordingChannels(), now: () => NOW });

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  received.length = 0;
  answers = {};
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels(), now: () => NOW });
});

const hook = (path: string, extra: Record<string, unknown> = {}) =>
  effectCommand(
    'action.webhook',
    { url: `${base}${path}?order={{ order.number }}`, headers: { 'X-Contact': '{{ contact.id }}' }, body: '{"email": "{{ contact.email }}"}', ...extra },
    { nodeId: 'hook', context: { order: { id: 'o-1', number: 'A-100', items: [] } } },
  );

/** Runs `call` as Temporal's attempt `attempt` of at most `maximumAttempts`. */
function asAttempt<T>(attempt: number, maximumAttempts: number, call: () => Promise<T>): Promise<T> {
  const context = { info: { attempt, retryPolicy: { maximumAttempts } }, cancellationSignal: new AbortController().signal } as unknown as Context;
  return asyncLocalStorage.run(context, call);
}

describe('action.webhook', () => {
  it('2xx: calls the rendered request and takes "next", recording the call with its HTTP status', async () => {
    answers['/ok?order=A-100'] = 201;
    const result = await activities.executeEffect({ run: runRef(), command: hook('/ok') });

    const [message] = (await listMessages(db.sql)).items;
    expect(result).toEqual({ status: 'done', reason: 'HTTP 201', messageId: message?.id });
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/ok?order=A-100',
        headers: expect.objectContaining({ 'x-contact': 'ann', 'idempotency-key': 'run-1:hook:1', 'content-type': 'application/json', 'user-agent': 'Nudgeflow' }),
        body: '{"email": "ann@example.com"}',
      },
    ]);
    expect(message).toMatchObject({ channel: 'webhook', marketing: false, to: `POST ${base}/ok?order=A-100`, body: '{"email": "ann@example.com"}', status: 'sent', reason: 'HTTP 201', provider: 'http' });
  });

  it('does not call twice for the same key', async () => {
    answers['/ok?order=A-100'] = 200;
    const first = await activities.executeEffect({ run: runRef(), command: hook('/ok') });
    expect(await activities.executeEffect({ run: runRef(), command: hook('/ok') })).toEqual(first);
    expect(received).toHaveLength(1);
  });

  it('GET sends no body, and the flow’s own headers win over the defaults', async () => {
    answers['/get?order=A-100'] = 204;
    const command = hook('/get', { method: 'GET', headers: { 'Idempotency-Key': 'mine', 'User-Agent': 'Shop' } });
    expect(await activities.executeEffect({ run: runRef(), command })).toMatchObject({ status: 'done', reason: 'HTTP 204' });
    expect(received[0]).toMatchObject({ method: 'GET', body: '', headers: expect.objectContaining({ 'idempotency-key': 'mine', 'user-agent': 'Shop' }) });
  });

  it('4xx: the endpoint said no; the "failed" output, without retries', async () => {
    answers['/nope?order=A-100'] = 422;
    expect(await activities.executeEffect({ run: runRef(), command: hook('/nope') })).toEqual({ status: 'failed', output: 'failed', reason: 'HTTP 422' });
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', reason: 'HTTP 422' }]);
    expect(received).toHaveLength(1);
  });

  it('5xx: throws a retryable error; the next attempt calls again and succeeds', async () => {
    answers['/flaky?order=A-100'] = [503, 200];
    const failure = await failureOf(activities.executeEffect({ run: runRef(), command: hook('/flaky') }));
    expect(failure).toEqual({ name: 'WebhookUnavailable', message: 'HTTP 503' });
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', reason: 'attempt 1: HTTP 503' }]);

    expect(await activities.executeEffect({ run: runRef(), command: hook('/flaky') })).toMatchObject({ status: 'done', reason: 'HTTP 200' });
    expect(received).toHaveLength(2);
    expect(new Set(received.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['run-1:hook:1']));
  });

  it.each([429, 408])('%i is "try later" too: retryable', async (status) => {
    answers['/busy?order=A-100'] = status;
    await expect(activities.executeEffect({ run: runRef(), command: hook('/busy') })).rejects.toBeInstanceOf(WebhookUnavailable);
  });

  it('5xx on the last attempt: the "failed" output instead of a failed run', async () => {
    answers['/down?order=A-100'] = 500;
    await expect(asAttempt(9, 10, () => activities.executeEffect({ run: runRef(), command: hook('/down') }))).rejects.toThrow('HTTP 500');
    const result = await asAttempt(10, 10, () => activities.executeEffect({ run: runRef(), command: hook('/down') }));
    expect(result).toEqual({ status: 'failed', output: 'failed', reason: 'HTTP 500 (gave up after 10 attempts)' });
    expect((await listMessages(db.sql)).items).toMatchObject([{ status: 'failed', reason: 'HTTP 500 (gave up after 10 attempts)' }]);
  });

  it('no answer within the timeout: retryable', async () => {
    const failure = await failureOf(activities.executeEffect({ run: runRef(), command: hook('/hang', { timeoutSeconds: 1 }) }));
    expect(failure).toEqual({ name: 'WebhookUnavailable', message: 'no answer within 1 s' });
  });

  it('a server that is not there: retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const command = effectCommand('action.webhook', { url: `http://127.0.0.1:${port}/none` }, { nodeId: 'hook' });
    expect((await failureOf(activities.executeEffect({ run: runRef(), command }))).message).toMatch(/^could not reach the server \(.*ECONNREFUSED/);
  });

  it('a URL that renders to something that is not http(s): the "failed" output, as in the simulator', async () => {
    const command = effectCommand('action.webhook', { url: '{{ contact.attributes.hook }}' }, { nodeId: 'hook' });
    expect(await activities.executeEffect({ run: runRef(), command })).toEqual({ status: 'failed', output: 'failed', reason: 'the URL "" does not start with http:// or https://' });
    expect(received).toEqual([]);
  });

  it('test runs record the request without calling it', async () => {
    const run = runRef({ runId: 'test-run', test: true });
    const command = effectCommand('action.webhook', { url: `${base}/ok` }, { run, nodeId: 'hook' });
    expect(await activities.executeEffect({ run, command })).toEqual({ status: 'skipped', reason: 'test run: the webhook was not called' });
    expect(received).toEqual([]);
    expect((await listMessages(db.sql)).items).toMatchObject([{ channel: 'webhook', to: `POST ${base}/ok`, status: 'skipped', test: true }]);
  });
});

describe('action.webhook signatures', () => {
  const webhookSecret = 'shop-secret-0123456789';

  it('signs the exact body with the secret and the send time; the shop’s verifier accepts it', async () => {
    answers['/ok?order=A-100'] = 200;
    const signing = activitiesWith({ webhookSecret });
    // A header of the same name in the flow cannot stand in for ours.
    await signing.executeEffect({ run: runRef(), command: hook('/ok', { headers: { 'X-Nudgeflow-Signature': 'forged' } }) });

    const [request] = received;
    const header = request?.headers['x-nudgeflow-signature'];
    expect(header).toMatch(/^t=1772445600,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret: webhookSecret, header: String(header), body: request?.body ?? '', now: NOW })).toEqual({ ok: true, timestamp: 1772445600 });
    expect(verifyWebhookSignature({ secret: 'another-secret-0123456789', header: String(header), body: request?.body ?? '', now: NOW }).ok).toBe(false);
  });

  it('signs a GET over the empty body', async () => {
    answers['/get?order=A-100'] = 200;
    await activitiesWith({ webhookSecret }).executeEffect({ run: runRef(), command: hook('/get', { method: 'GET' }) });
    expect(verifyWebhookSignature({ secret: webhookSecret, header: String(received[0]?.headers['x-nudgeflow-signature']), body: '', now: NOW }).ok).toBe(true);
  });

  it('sends no signature header without a secret', async () => {
    answers['/ok?order=A-100'] = 200;
    await activities.executeEffect({ run: runRef(), command: hook('/ok') });
    expect(received[0]?.headers).not.toHaveProperty('x-nudgeflow-signature');
  });
});

describe('action.webhook and internal addresses', () => {
  it('allowing nothing: a loopback endpoint is refused at once, the "failed" output without retries', async () => {
    answers['/ok?order=A-100'] = 200;
    const strict = activitiesWith({ webhookAllowPrivate: [] });
    const reason = 'refused: "127.0.0.1" is a loopback address (set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it)';
    expect(await asAttempt(1, 10, () => strict.executeEffect({ run: runRef(), command: hook('/ok') }))).toEqual({ status: 'failed', output: 'failed', reason });
    expect(received).toEqual([]);
    expect((await listMessages(db.sql)).items).toMatchObject([{ channel: 'webhook', to: `POST ${base}/ok?order=A-100`, status: 'failed', reason, provider: 'http' }]);
  });

  it('allowing one host: that host is called, another name for the same loopback address is refused', async () => {
    answers['/ok?order=A-100'] = 200;
    const oneHost = activitiesWith({ webhookAllowPrivate: ['127.0.0.1'] });
    expect(await oneHost.executeEffect({ run: runRef(), command: hook('/ok') })).toMatchObject({ status: 'done', reason: 'HTTP 200' });

    const viaLocalhost = effectCommand('action.webhook', { url: base.replace('127.0.0.1', 'localhost') + '/ok?order=A-100' }, { nodeId: 'other' });
    const refused = await oneHost.executeEffect({ run: runRef(), command: viaLocalhost });
    expect(refused).toEqual({
      status: 'failed',
      output: 'failed',
      reason: expect.stringMatching(/^refused: "localhost" resolves to the loopback address (127\.0\.0\.1|::1) \(set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it\)$/),
    });
    expect(received).toHaveLength(1);
  });

  it('a redirect is the endpoint’s answer: not followed, the "failed" output', async () => {
    answers['/moved?order=A-100'] = 301;
    answers['/ok'] = 200;
    expect(await activities.executeEffect({ run: runRef(), command: hook('/moved') })).toEqual({
      status: 'failed',
      output: 'failed',
      reason: 'HTTP 301 (a redirect, which is not followed: use the final address)',
    });
    expect(received.map((r) => r.path)).toEqual(['/moved?order=A-100']);
  });
});
