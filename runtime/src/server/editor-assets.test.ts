import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinRegistry } from '@nudgeflow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app';
import { testCredentials } from '../api/test-api';
import { editorAssets } from './editor-assets';
import { editorNotBuiltPage } from './editor-not-built-page';

const up = async () => ({ ok: true as const });
const indexHtml = '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';
const notBuiltPage = editorNotBuiltPage({ temporalUi: 'http://127.0.0.1:8233' });

function appServing(distDir: string) {
  const app = createApp({ credentials: testCredentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } });
  app.get('*', editorAssets({ distDir, notBuiltPage }));
  return app;
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nudgeflow-editor-assets-'));
  await mkdir(join(root, 'dist', 'assets'), { recursive: true });
  await writeFile(join(root, 'dist', 'index.html'), indexHtml);
  await writeFile(join(root, 'dist', 'assets', 'index-abc123.js'), 'console.log(1);');
  await writeFile(join(root, 'dist', 'favicon.svg'), '<svg/>');
  await writeFile(join(root, 'secret.txt'), 'outside dist');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the built editor', () => {
  const app = () => appServing(join(root, 'dist'));

  it('answers / with index.html, never cached', async () => {
    const res = await app().request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(indexHtml);
  });

  it('answers page paths the client routes with index.html', async () => {
    const res = await app().request('/flows/flow_1');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(indexHtml);
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await app().request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log(1);');
  });

  it('serves other files of dist, revalidated', async () => {
    const res = await app().request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a missing asset instead of the app', async () => {
    expect((await app().request('/assets/index-old999.js')).status).toBe(404);
    expect((await app().request('/logo.png')).status).toBe(404);
  });

  it('never serves a file outside dist', async () => {
    const res = await app().request('/%2e%2e/secret.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside dist');
  });

  it('leaves /api alone: its routes, its auth and its JSON 404s', async () => {
    const health = await app().request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual(expect.objectContaining({ ok: true }));
    expect((await app().request('/api/node-types')).status).toBe(401);
    const missing = await app().request('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'no route GET /api/nothing-here' } });
  });
});

describe('without a build', () => {
  it('answers / with a page that says how to build the editor', async () => {
    const res = await appServing(join(root, 'no-dist')).request('/');
    expect(res.status).toBe(503);
    const page = await res.text();
    expect(page).toBe(notBuiltPage);
    expect(page).toContain('<h1>The editor is not built: run <code>npm run build</code></h1>');
    expect(page).toContain('<a href="http://127.0.0.1:8233">Temporal UI</a>');
  });

  it('still serves the API', async () => {
    expect((await appServing(join(root, 'no-dist')).request('/api/health')).status).toBe(200);
  });
});
