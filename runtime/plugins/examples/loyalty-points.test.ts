import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PluginInputError } from '@nudgeflow/shared/plugins';
import { checkPlugin, runPluginNode } from '@nudgeflow/runtime/plugin-testing';
import loyaltyPoints from './loyalty-points';

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: unknown;
}

// A stand-in for the loyalty API: records each request and answers what the test says.
let server: Server;
let baseUrl: string;
let received: Received[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    received.push({ method: req.method, url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
  reply = { status: 200, body: { balance: 1250 } };
});

const secrets = () => ({ LOYALTY_API_URL: baseUrl, LOYALTY_API_KEY: 'key-123' });
const contact = { id: 'c_42', externalId: 'shop-42', email: 'jana@example.com', firstName: 'Jana' };
const order = { id: 'o_1001', total: 1200, currency: 'CZK' };

describe('acme.addLoyaltyPoints', () => {
  it('meets the plugin contract (defaults, migrations, summary)', () => {
    expect(() => checkPlugin(loyaltyPoints)).not.toThrow();
  });

  it('posts the points with the key and the idempotency key, and follows "next"', async () => {
    const result = await runPluginNode(loyaltyPoints, { config: { points: 120, reason: 'Order #1001' }, contact, order, secrets: secrets() });

    expect(result).toEqual({
      output: 'next',
      detail: 'added 120 points (balance 1250)',
      logs: [{ message: 'points added', fields: { points: 120, balance: 1250 } }],
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/v1/points',
      headers: { authorization: 'Bearer key-123', 'idempotency-key': 'test-run:node-1:1', 'content-type': 'application/json' },
      body: { customerId: 'shop-42', email: 'jana@example.com', points: 120, reason: 'Order #1001', orderId: 'o_1001' },
    });
  });

  it('runs a config saved under version 1 ("amount") as version 2 ("points")', async () => {
    const result = await runPluginNode(loyaltyPoints, { config: { amount: 30, reason: 'Welcome' }, configVersion: 1, contact, secrets: secrets() });

    expect(result.output).toBe('next');
    expect(received.map((r) => r.body)).toEqual([{ customerId: 'shop-42', email: 'jana@example.com', points: 30, reason: 'Welcome' }]);
  });

  it('takes "Not a member" when the loyalty API does not know the customer', async () => {
    reply = { status: 404, body: { error: 'unknown customer' } };
    const result = await runPluginNode(loyaltyPoints, { contact, secrets: secrets() });
    expect(result).toEqual({ output: 'notMember', detail: 'not a member of the loyalty program', logs: [] });
  });

  it('fails at once on a refusal no retry can fix', async () => {
    reply = { status: 401, body: { error: 'bad key' } };
    const run = runPluginNode(loyaltyPoints, { contact, secrets: secrets() });
    await expect(run).rejects.toBeInstanceOf(PluginInputError);
    await expect(run).rejects.toThrow('the loyalty API refused the points: HTTP 401 {"error":"bad key"}');
  });

  it('throws a plain (retried) error when the loyalty API is down', async () => {
    reply = { status: 503, body: {} };
    const error = await runPluginNode(loyaltyPoints, { contact, secrets: secrets() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PluginInputError);
    expect((error as Error).message).toBe('the loyalty API answered HTTP 503; trying again');
  });

  it('does not call the loyalty API in a test run', async () => {
    const result = await runPluginNode(loyaltyPoints, { test: true, contact, secrets: secrets() });
    expect(result).toEqual({ output: 'next', detail: 'test run: would add 50 points', logs: [] });
    expect(received).toEqual([]);
  });

  it('rejects settings the schema refuses, naming the field', async () => {
    const run = runPluginNode(loyaltyPoints, { config: { points: 0, reason: 'x' }, contact, secrets: secrets() });
    await expect(run).rejects.toBeInstanceOf(PluginInputError);
    await expect(run).rejects.toThrow(/node "node-1" \(Add loyalty points\) are not valid: points: /);
    expect(received).toEqual([]);
  });

  it('warns about an unusually large number of points', () => {
    expect(loyaltyPoints.check?.({ points: 50_000, reason: 'x' })).toEqual([
      { field: 'points', message: '50000 points is unusually many; is it a typo?', severity: 'warning' },
    ]);
  });
});
