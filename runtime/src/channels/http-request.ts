import http from 'node:http';
import https from 'node:https';
import { guardedLookup, literalRefusal, type Resolver } from './http-address-guard';

export interface GuardedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Hosts that may resolve to loopback/private addresses (NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE); "*" allows all. */
  allowPrivate: readonly string[];
  /** The system resolver unless given (tests give names their own addresses). */
  resolver?: Resolver;
}

/** No answer (status line and headers) within the request's time limit. */
export class RequestTimeout extends Error {
  override readonly name = 'RequestTimeout';
}

/**
 * One HTTP request to a host that passed the address guard (http-address-guard.ts); resolves to
 * the answer's status. Redirects are not followed: the URL is what the marketer configured, and a
 * redirect would be a second, unchecked destination. Rejects with AddressRefused, RequestTimeout,
 * the signal's abort error or a network error.
 */
export function guardedRequest(request: GuardedRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const refused = literalRefusal(request.url.hostname, request.allowPrivate);
    if (refused) return reject(refused);
    const headers = { ...request.headers, ...(request.body !== undefined ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}) };
    const transport = request.url.protocol === 'https:' ? https : http;
    let call: http.ClientRequest;
    try {
      call = transport.request(request.url, {
        method: request.method,
        headers,
        // A fresh connection per call, closed after the answer: webhooks are too rare to keep sockets open for.
        agent: false,
        lookup: guardedLookup(request.allowPrivate, request.resolver),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      return reject(error);
    }
    const timer = setTimeout(() => call.destroy(new RequestTimeout(`no answer within ${request.timeoutMs / 1000} s`)), request.timeoutMs);
    call.on('response', (response) => {
      clearTimeout(timer);
      // Only the status is recorded; dropping the rest frees the connection.
      response.destroy();
      resolve(response.statusCode ?? 0);
    });
    call.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    call.end(request.body);
  });
}
