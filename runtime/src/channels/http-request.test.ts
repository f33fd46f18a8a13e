import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AddressRefused, type Resolver } from './http-address-guard';
import { guardedRequest, RequestTimeout } from './http-request';

let server: Server;
let port: number;
const received: { method: string; host: string | undefined; headers: IncomingHttpHeaders; body: string }[] = [];
let status = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', host: req.headers.host, headers: req.headers, body });
      if (req.url === '/hang') return;
      res.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:1/elsewhere' } : {}).end('answer');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  status = 200;
});

/** Every name resolves to the local test server's address; counts lookups. */
const lookups: string[] = [];
const toLocalServer: Resolver = async (hostname): Promise<LookupAddress[]> => {
  lookups.push(hostname);
  return [{ address: '127.0.0.1', family: 4 }];
};

const request = (url: string, extra: Partial<Parameters<typeof guardedRequest>[0]> = {}) =>
  guardedRequest({ method: 'POST', url: new URL(url), headers: { 'content-type': 'text/plain' }, body: 'žluťoučký', timeoutMs: 5000, allowPrivate: [], resolver: toLocalServer, ...extra });

describe('guardedRequest', () => {
  it('connects to the address the lookup checked, and sends the body with its byte length', async () => {
    lookups.length = 0;
    expect(await request(`http://hooks.internal:${port}/in`, { allowPrivate: ['hooks.internal'] })).toBe(200);
    expect(lookups).toEqual(['hooks.internal']);
    expect(received).toEqual([{ method: 'POST', host: `hooks.internal:${port}`, headers: expect.objectContaining({ 'content-length': '13' }), body: 'žluťoučký' }]);
  });

  it('refuses before connecting when the name resolves to an internal address', async () => {
    await expect(request(`http://hooks.internal:${port}/in`)).rejects.toThrow(
      new AddressRefused('refused: "hooks.internal" resolves to the loopback address 127.0.0.1 (set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it)'),
    );
    expect(received).toEqual([]);
  });

  it('refuses an internal IP literal without looking anything up', async () => {
    lookups.length = 0;
    await expect(request(`http://127.0.0.1:${port}/in`)).rejects.toThrow('refused: "127.0.0.1" is a loopback address (set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it)');
    expect([lookups, received]).toEqual([[], []]);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    status = 302;
    expect(await request(`http://127.0.0.1:${port}/moved`, { allowPrivate: ['127.0.0.1'] })).toBe(302);
    expect(received).toHaveLength(1);
  });

  it('gives up after the time limit', async () => {
    await expect(request(`http://127.0.0.1:${port}/hang`, { allowPrivate: ['127.0.0.1'], timeoutMs: 200 })).rejects.toThrow(new RequestTimeout('no answer within 0.2 s'));
  });

  it('stops when the signal fires', async () => {
    const controller = new AbortController();
    const call = request(`http://127.0.0.1:${port}/hang`, { allowPrivate: ['127.0.0.1'], signal: controller.signal });
    setImmediate(() => controller.abort());
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});
