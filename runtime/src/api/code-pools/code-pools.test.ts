import { describe, expect, it } from 'vitest';
import { assignCode } from '../../db';
import { useTestApi } from '../test-api';

const api = useTestApi();

describe('code pools API', () => {
  it('imports codes into a new pool and reports what was added and skipped', async () => {
    const res = await api.request('POST', '/api/code-pools/welcome-10/codes', { body: { codes: ['A1', ' B2 ', 'A1'] } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      added: 2,
      skipped: 1,
      pool: { name: 'welcome-10', lowThreshold: 0, total: 2, assigned: 0, available: 2, low: false, testAvailable: 0 },
    });
    const again = await api.request('POST', '/api/code-pools/welcome-10/codes', { body: { codes: ['B2', 'C3', 'T1'] } });
    expect(again.body).toMatchObject({ added: 2, skipped: 1, pool: { total: 4, available: 4 } });
    const test = await api.request('POST', '/api/code-pools/welcome-10/codes', { body: { codes: ['TEST-1'], test: true } });
    expect(test.body.pool).toMatchObject({ total: 4, testAvailable: 1 });
  });

  it('lists pools with their stats and shows one', async () => {
    await api.request('POST', '/api/code-pools/vip/codes', { body: { codes: ['V1', 'V2'] } });
    await api.request('POST', '/api/code-pools/birthday/codes', { body: { codes: ['B1'] } });
    expect(await assignCode(api.db.sql, { pool: 'vip', key: 'wf:code:1', contactId: 'ann', runId: 'r1' })).toBe('V1');

    const list = await api.request('GET', '/api/code-pools');
    expect(list.body.map((p: { name: string; assigned: number; available: number }) => [p.name, p.assigned, p.available])).toEqual([
      ['birthday', 0, 1],
      ['vip', 1, 1],
    ]);
    expect((await api.request('GET', '/api/code-pools/vip')).body).toEqual({
      name: 'vip',
      lowThreshold: 0,
      total: 2,
      assigned: 1,
      available: 1,
      low: false,
      testAvailable: 0,
    });
    expect((await api.request('GET', '/api/code-pools/nope')).body.error).toEqual({ code: 'not_found', message: 'code pool "nope" does not exist' });
  });

  it('refuses an empty import and empty codes, naming each', async () => {
    expect((await api.request('POST', '/api/code-pools/vip/codes', { body: { codes: [] } })).body.error.details).toEqual([
      { path: 'codes', message: 'send at least one code' },
    ]);
    const blank = await api.request('POST', '/api/code-pools/vip/codes', { body: { codes: ['ok', '  ', ''] } });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.map((d: { path: string }) => d.path)).toEqual(['codes.1', 'codes.2']);
    expect((await api.request('GET', '/api/code-pools')).body).toEqual([]);
  });

  it('needs the admin token', async () => {
    expect((await api.request('GET', '/api/code-pools', { as: 'shop' })).status).toBe(401);
  });
});
