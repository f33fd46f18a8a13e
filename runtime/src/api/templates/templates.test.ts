import { builtinRegistry } from '@nudgeflow/shared';
import { templates } from '@nudgeflow/shared/templates';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testCredentials } from '../test-api';
import { templateRoutes } from './index';

const up = async () => ({ ok: true as const });
const app = createApp({ credentials: testCredentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } }, [
  { path: '/api/templates', routes: templateRoutes(), auth: 'admin' },
]);

const get = (headers: Record<string, string> = { authorization: `Bearer ${testCredentials.adminToken}` }) => app.request('/api/templates', { headers });

describe('GET /api/templates', () => {
  it('lists every template with its graph, in the library order', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { slug: string; name: string; description: string; category: string; graph: unknown }[];
    expect(body.map((t) => t.slug)).toEqual(templates.map((t) => t.slug));
    const cart = body.find((t) => t.slug === 'abandoned-cart');
    const expected = templates.find((t) => t.slug === 'abandoned-cart');
    expect(cart).toEqual({
      slug: 'abandoned-cart',
      name: 'Abandoned cart: email, then SMS',
      description: expected?.description,
      category: 'Cart & browsing',
      graph: expected?.graph,
    });
  });

  it('does not send the sample scenarios', async () => {
    const body = (await (await get()).json()) as Record<string, unknown>[];
    expect(Object.keys(body[0] ?? {}).sort()).toEqual(['category', 'description', 'graph', 'name', 'slug']);
  });

  it('needs the admin token', async () => {
    expect((await get({})).status).toBe(401);
    expect((await get({ 'x-api-key': testCredentials.apiKey })).status).toBe(401);
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths['/api/templates'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['FlowTemplate', 'FlowGraph']));
  });
});
