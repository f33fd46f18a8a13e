import { builtinRegistry } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createRouter } from './router';

const credentials = { adminToken: 'admin-token-0123456789', apiKey: 'api-key-0123456789' };
const up = async () => ({ ok: true as const });
const app = createApp({ credentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } });
const asAdmin = { headers: { authorization: `Bearer ${credentials.adminToken}` } };

describe('API basics', () => {
  it('reports health without a token', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, postgres: { ok: true }, temporal: { ok: true }, worker: { ok: true } });
  });

  it('answers 503 and says which component is down', async () => {
    const down = createApp({
      credentials,
      registry: builtinRegistry,
      health: { postgres: up, temporal: async () => ({ ok: false, error: 'connection refused' }), worker: () => Promise.reject(new Error('no pollers')) },
    });
    const res = await down.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, temporal: { ok: false, error: 'connection refused' }, worker: { ok: false, error: 'no pollers' } });
  });

  it('guards admin routes with the bearer token', async () => {
    const none = await app.request('/api/node-types');
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { code: 'unauthorized', message: 'send the admin token as "Authorization: Bearer <token>"' } });
    const wrong = await app.request('/api/node-types', { headers: { authorization: 'Bearer nope' } });
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe('the admin token is not valid');
  });

  it('guards apiKey groups with X-Api-Key, where the admin token is not enough', async () => {
    const ping = createRouter();
    ping.get('/', (c) => c.json({ pong: true }));
    const withGroup = createApp({ credentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } }, [
      { path: '/api/ping', routes: ping, auth: 'apiKey' },
    ]);
    const none = await withGroup.request('/api/ping', asAdmin);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { code: 'unauthorized', message: 'send the ingestion key in the "X-Api-Key" header' } });
    const wrong = await withGroup.request('/api/ping', { headers: { 'x-api-key': 'nope' } });
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe('the API key is not valid');
    const ok = await withGroup.request('/api/ping', { headers: { 'x-api-key': credentials.apiKey } });
    expect(await ok.json()).toEqual({ pong: true });
  });

  it('serves the node catalog with JSON Schemas', async () => {
    const res = await app.request('/api/node-types', asAdmin);
    expect(res.status).toBe(200);
    const types = (await res.json()) as { type: string; outputs: { id: string }[]; configSchema: { type: string } }[];
    expect(types).toHaveLength(builtinRegistry.list().length);
    const wait = types.find((t) => t.type === 'wait.untilEvent');
    expect(wait?.outputs.map((o) => o.id)).toEqual(['event', 'timeout']);
    expect(wait?.configSchema.type).toBe('object');
  });

  it('publishes an OpenAPI document and its docs page', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/node-types']));
    expect((await app.request('/api/docs')).status).toBe(200);
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const res = await app.request('/api/nope', asAdmin);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route GET /api/nope' } });
  });
});
