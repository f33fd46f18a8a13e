import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PluginInputError } from '@nudgeflow/shared/plugins';
import { checkPlugin, runPluginNode } from '@nudgeflow/runtime/plugin-testing';
import crmSegment from './crm-segment';

// A stand-in for the CRM: segments by contact id; unknown contacts get a 404.
let server: Server;
let baseUrl: string;
let requested: string[] = [];
let segments: Record<string, string[]> = {};
let failWith: number | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(`${req.method} ${req.url}`);
    const id = decodeURIComponent(/^\/contacts\/([^/]+)\/segments$/.exec(req.url ?? '')?.[1] ?? '');
    if (failWith) return void res.writeHead(failWith).end();
    const found = segments[id];
    if (!found) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ segments: found }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requested = [];
  segments = { 'shop-7': ['vip', 'newsletter'], 'shop-8': ['newsletter'] };
  failWith = undefined;
});

const secrets = () => ({ CRM_API_URL: baseUrl });

describe('acme.inCrmSegment', () => {
  it('meets the plugin contract', () => {
    expect(() => checkPlugin(crmSegment)).not.toThrow();
  });

  it('answers yes for a contact in the segment, asking the CRM by the shop id', async () => {
    const result = await runPluginNode(crmSegment, { config: { segment: 'vip' }, contact: { id: 'c_7', externalId: 'shop-7' }, secrets: secrets() });
    expect(result).toEqual({ output: 'yes', matched: true, detail: 'in segment "vip"', logs: [] });
    expect(requested).toEqual(['GET /contacts/shop-7/segments']);
  });

  it('answers no for a contact outside the segment', async () => {
    const result = await runPluginNode(crmSegment, { config: { segment: 'vip' }, contact: { id: 'c_8', externalId: 'shop-8' }, secrets: secrets() });
    expect(result).toEqual({ output: 'no', matched: false, detail: 'not in segment "vip"', logs: [] });
  });

  it('answers no when the CRM does not know the contact', async () => {
    const result = await runPluginNode(crmSegment, { contact: { id: 'c/9' }, secrets: secrets() });
    expect(result).toEqual({ output: 'no', matched: false, detail: 'the CRM does not know this contact', logs: [] });
    expect(requested).toEqual(['GET /contacts/c%2F9/segments']);
  });

  it('throws a plain (retried) error while the CRM is down', async () => {
    failWith = 502;
    const error = await runPluginNode(crmSegment, { contact: { id: 'c_7', externalId: 'shop-7' }, secrets: secrets() }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PluginInputError);
    expect((error as Error).message).toBe('the CRM answered HTTP 502; trying again');
  });

  it('refuses a segment name the CRM cannot have', async () => {
    const run = runPluginNode(crmSegment, { config: { segment: 'VIP customers' }, secrets: secrets() });
    await expect(run).rejects.toThrow('segment: use lower-case letters, digits, "-" and "_", as the CRM names segments');
    expect(requested).toEqual([]);
  });
});
