import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError, createApiClient } from '../api/client';
import { signOutOnUnauthorized } from './sign-out-on-unauthorized';

function answering(status: number, body: unknown): void {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('signOutOnUnauthorized', () => {
  it('reports a 401 from any call and still rejects the call', async () => {
    answering(401, { error: { code: 'unauthorized', message: 'the admin token is not valid' } });
    const reported: string[] = [];
    const api = signOutOnUnauthorized(
      createApiClient(() => 'old-token'),
      (error) => reported.push(error.message),
    );
    await expect(api.listFlows()).rejects.toThrow('the admin token is not valid');
    await expect(api.call('GET', '/api/templates')).rejects.toBeInstanceOf(ApiCallError);
    expect(reported).toEqual(['the admin token is not valid', 'the admin token is not valid']);
  });

  it('leaves other failures and successes alone', async () => {
    const reported: string[] = [];
    const api = signOutOnUnauthorized(
      createApiClient(() => 'token'),
      (error) => reported.push(error.message),
    );
    answering(404, { error: { code: 'not_found', message: 'no flow "x"' } });
    await expect(api.getFlow('x')).rejects.toThrow('no flow "x"');
    answering(200, [{ id: 'f1' }]);
    await expect(api.listFlows()).resolves.toEqual([{ id: 'f1' }]);
    expect(reported).toEqual([]);
  });
});
