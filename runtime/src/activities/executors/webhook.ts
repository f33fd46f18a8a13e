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
  url: string;
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

function unreachable(error: unknown, timeoutSeconds: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutSeconds} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return `could not reach the server (${cause ?? (error instanceof Error ? error.message : String(error))})`;
}

/**
 * One HTTP call. 2xx: done. Another 4xx (or 3xx left over after redirects): the endpoint said no,
 * final, the "failed" output. 5xx, 408, 429, timeouts and network errors: thrown, so Temporal
 * retries with backoff, until the last attempt, which takes the "failed" output instead of ending
 * the run.
 */
async function call(request: WebhookRequest, timeoutSeconds: number, attempt: AttemptInfo): Promise<SendOutcome> {
  const timeout = AbortSignal.timeout(timeoutSeconds * 1000);
  const signal = attempt.signal ? AbortSignal.any([timeout, attempt.signal]) : timeout;
  let problem: string;
  try {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal });
    // The answer's body is not used; dropping it frees the connection.
    await response.body?.cancel();
    const reason = `HTTP ${response.status}`;
    if (response.ok) return { status: 'sent', provider: 'http', reason };
    if (response.status < 500 && !RETRY_LATER.has(response.status)) return { status: 'failed', provider: 'http', reason, output: FAILED };
    problem = reason;
  } catch (error) {
    // Temporal cancelled the activity: not the endpoint's fault, nothing to record.
    if (attempt.signal?.aborted) throw error;
    problem = unreachable(error, timeoutSeconds);
  }
  if (isLastAttempt(attempt)) return { status: 'failed', provider: 'http', reason: `${problem} (gave up after ${attempt.attempt} attempts)`, output: FAILED };
  throw new WebhookUnavailable(problem);
}

/**
 * action.webhook: the request rendered with Liquid, called for real and recorded as a webhook
 * message (the HTTP status is its reason). A call may reach the endpoint more than once (a retry
 * after a timeout); the Idempotency-Key header lets the endpoint tell. Test runs record the
 * request without calling it: the endpoint is real and may act on customers.
 */
export const webhookExecutor = defineExecutor<WebhookConfig>({
  type: 'action.webhook',
  kind: 'external',
  execute(input) {
    const { run, command, config, db } = input;

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
      const request = { method: config.method, url, headers, body: config.method === 'GET' ? undefined : body };
      return { ...content, plan: { kind: 'send', send: () => call(request, config.timeoutSeconds, input.attempt) } };
    };
    return deliverMessage(db, messageEffect(input, { channel: 'webhook', marketing: false }, { resendable: true, prepare }));
  },
});
