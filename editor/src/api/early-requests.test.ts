import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { forgetEarly, startEarly } from './early-requests';

const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  forgetEarly();
  vi.unstubAllGlobals();
});

describe('requests started before the app', () => {
  it('are taken once by the client, for the same token; later calls fetch again', async () => {
    const fetch = vi.fn(async (path: string) => answer({ path, call: fetch.mock.calls.length }));
    vi.stubGlobal('fetch', fetch);
    startEarly('/api/node-types', 'tok');
    expect(fetch.mock.calls).toEqual([['/api/node-types', { headers: { authorization: 'Bearer tok' } }]]);

    const api = createApiClient(() => 'tok');
    expect(await api.nodeTypes()).toEqual({ path: '/api/node-types', call: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await api.nodeTypes()).toEqual({ path: '/api/node-types', call: 2 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('are not used with another token, nor after they were forgotten', async () => {
    const fetch = vi.fn(async (path: string, init?: RequestInit) => answer({ path, auth: (init?.headers as Record<string, string>).authorization }));
    vi.stubGlobal('fetch', fetch);
    startEarly('/api/flows/f1', 'old');
    expect(await createApiClient(() => 'new').getFlow('f1')).toEqual({ path: '/api/flows/f1', auth: 'Bearer new' });

    startEarly('/api/flows', 'tok');
    forgetEarly();
    await createApiClient(() => 'tok').listFlows();
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('report a failure to the caller that takes them, as the client’s own error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new Error('connection refused'))));
    startEarly('/api/node-types', 'tok');
    await expect(createApiClient(() => 'tok').nodeTypes()).rejects.toThrow('the Nudgeflow server did not answer (connection refused)');
  });
});
