import { AddressRefused } from '../../channels/http-address-guard';
import { guardedRequest, RequestTimeout } from '../../channels/http-request';
import { SIGNATURE_HEADER, signWebhook } from '../../channels/http-signature';
import type { MessagingSettings } from '../../channels/settings';
import { currentContact } from '../audience';
import { isLastAttempt, type AttemptInfo } from '../activity-context';
import { deliverMessage, messageEffect, type PreparedMessage, type SendOutcome } from '../deliver-message';
import { defineExecutor } from '../executor-registry';
import { templateRenderer, tryRender } from '../render';

interface WebhookConfig {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutSeconds: number;
}

/** A 5xx, a timeout or a network error: the endpoint may work later, so Temporal retries with backoff. */
export class WebhookUnavailable extends Error {
  override readonly name = 'WebhookUnavailable';
}

// "Try later" answers among the 4xx; every other 4xx is the endpoint's final word.
const RETRY_LATER = new Set([408, 429]);

const FAILED = 'failed';

interface WebhookRequest {
  method: WebhookConfig['method'];
  url: URL;
  headers: Headers;
  body: string | undefined;
}

/** Our defaults under the flow's own headers: the effect's key lets the endpoint drop a retried call it already handled. */
function requestHeaders(rendered: Record<string, string>, key: string, body: string | undefined): Headers {
  const headers = new Headers(rendered);
  if (!headers.has('idempotency-key')) headers.set('idempotency-key', key);
  if (!headers.has('user-agent')) headers.set('user-agent', 'Nudgeflow');
  if (body !== undefined && !headers.has('content-type')) headers.set('content-type', isJson(body) ? 'application/json' : 'text/plain; charset=utf-8');
  return headers;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The headers as sent: signed at send time (every attempt gets a fresh timestamp), over the exact body. */
function signedHeaders(request: WebhookRequest, settings: MessagingSettings, now: Date): Record<string, string> {
  const headers = Object.fromEntries(request.headers.entries());
  // Set last: a flow's own header of that name cannot stand in for our signature.
  if (settings.webhookSecret) headers[SIGNATURE_HEADER] = signWebhook(settings.webhookSecret, request.body ?? '', now);
  return headers;
}

function unreachable(error: unknown): string {
  if (error instanceof RequestTimeout) return error.message;
  return `could not reach the server (${error instanceof Error ? error.message : String(error)})`;
}

/**
 * One HTTP call. 2xx: done. A 3xx (redirects are not followed) or another 4xx: the endpoint's
 * final word, the "failed" output. An address the guard refuses: final too, nothing was sent.
 * 5xx, 408, 429, timeouts and network errors: thrown, so Temporal retries with backoff, until the
 * last attempt, which takes the "failed" output instead of ending the run.
 */
async function call(request: WebhookRequest, timeoutSeconds: number, input: { attempt: AttemptInfo; messaging: MessagingSettings; now: Date }): Promise<SendOutcome> {
  const { attempt } = input;
  let problem: string;
  try {
    const status = await guardedRequest({
      method: request.method,
      url: request.url,
      headers: signedHeaders(request, input.messaging, input.now),
      ...(request.body !== undefined ? { body: request.body } : {}),
      timeoutMs: timeoutSeconds * 1000,
      ...(attempt.signal ? { signal: attempt.signal } : {}),
      allowPrivate: input.messaging.webhookAllowPrivate,
    });
    const reason = `HTTP ${status}`;
    if (status >= 200 && status < 300) return { status: 'sent', provider: 'http', reason };
    if (status >= 300 && status < 400) return { status: 'failed', provider: 'http', reason: `${reason} (a redirect, which is not followed: use the final address)`, output: FAILED };
    if (status < 500 && !RETRY_LATER.has(status)) return { status: 'failed', provider: 'http', reason, output: FAILED };
    problem = reason;
  } catch (error) {
    // Temporal cancelled the activity: not the endpoint's fault, nothing to record.
    if (attempt.signal?.aborted) throw error;
    if (error instanceof AddressRefused) return { status: 'failed', provider: 'http', reason: error.message, output: FAILED };
    problem = unreachable(error);
  }
  if (isLastAttempt(attempt)) return { status: 'failed', provider: 'http', reason: `${problem} (gave up after ${attempt.attempt} attempts)`, output: FAILED };
  throw new WebhookUnavailable(problem);
}

/**
 * action.webhook: the request rendered with Liquid, called for real and recorded as a webhook
 * message (the HTTP status is its reason). A call may reach the endpoint more than once (a retry
 * after a timeout); the Idempotency-Key header lets the endpoint tell. With a webhook secret the
 * request is signed (X-Nudgeflow-Signature); a host that resolves to a loopback, private or other
 * internal address is refused unless the settings allow it. Test runs record the request without
 * calling it: the endpoint is real and may act on customers.
 */
export const webhookExecutor = defineExecutor<WebhookConfig>({
  type: 'action.webhook',
  kind: 'external',
  execute(input) {
    const { run, command, config, db, deps } = input;

    const prepare = async (): Promise<PreparedMessage> => {
      const contact = await currentContact(db, run, command.context);
      const rendered = tryRender(() => {
        const render = templateRenderer({ ...command.context, contact });
        const headers = Object.fromEntries(Object.entries(config.headers).map(([name, value]) => [name, render(`headers.${name}`, value)]));
        return { url: render('url', config.url).trim(), headers, body: config.body === undefined ? undefined : render('body', config.body) };
      });
      if (!rendered.ok) return { plan: { kind: 'fail', reason: rendered.reason, output: FAILED } };
      const { url, body } = rendered.value;
      const to = `${config.method} ${url}`;
      const content = { to, ...(body !== undefined ? { body } : {}) };
      if (!/^https?:\/\//i.test(url)) return { ...content, plan: { kind: 'fail', reason: `the URL "${url}" does not start with http:// or https://`, output: FAILED } };
      if (!URL.canParse(url)) return { ...content, plan: { kind: 'fail', reason: `the URL "${url}" is not a valid address`, output: FAILED } };
      let headers: Headers;
      try {
        headers = requestHeaders(rendered.value.headers, command.idempotencyKey, body);
      } catch (error) {
        return { ...content, plan: { kind: 'fail', reason: `headers: ${error instanceof Error ? error.message : String(error)}`, output: FAILED } };
      }
      if (run.test) return { ...content, plan: { kind: 'skip', reason: 'test run: the webhook was not called' } };
      // GET requests cannot carry a body.
      const request = { method: config.method, url: new URL(url), headers, body: config.method === 'GET' ? undefined : body };
      return { ...content, plan: { kind: 'send', send: () => call(request, config.timeoutSeconds, { attempt: input.attempt, messaging: deps.messaging, now: deps.now() }) } };
    };
    return deliverMessage(db, messageEffect(input, { channel: 'webhook', marketing: false }, { resendable: true, prepare }));
  },
});
