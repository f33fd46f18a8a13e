import { describe, expect, it } from 'vitest';
import { assignCode } from '../../db';
import { testCredentials, useTestApi } from '../test-api';

const api = useTestApi();

/** POSTs a CSV file to a pool. */
async function postCsv(pool: string, csv: string, query = '') {
  const res = await api.app.request(`/api/code-pools/${pool}/codes${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${testCredentials.adminToken}`, 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  // Tests read whatever shape the route answers with.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}

const codesOf = async (pool: string) => (await api.db.sql<{ code: string; test: boolean }[]>`select code, test from codes where pool = ${pool} order by id`).map((r) => (r.test ? `${r.code} (test)` : r.code));

describe('code pools API', () => {
  it('imports codes into a new pool and reports what was added and skipped', async () => {
    const res = await api.request('POST', '/api/code-pools/welcome-10/codes', { body: { codes: ['A1', ' B2 ', 'A1'] } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      added: 2,
      skipped: 1,
      pool: { name: 'welcome-10', lowThreshold: 0, total: 2, assigned: 0, remaining: 2, low: false, testRemaining: 0 },
    });
    const again = await api.request('POST', '/api/code-pools/welcome-10/codes', { body: { codes: ['B2', 'C3', 'T1'] } });
    expect(again.body).toMatchObject({ added: 2, skipped: 1, pool: { total: 4, remaining: 4 } });
    const test = await api.request('POST', '/api/code-pools/welcome-10/codes', { body: { codes: ['TEST-1'], test: true } });
    expect(test.body.pool).toMatchObject({ total: 4, testRemaining: 1 });
  });

  it('lists pools with their stats and shows one', async () => {
    await api.request('POST', '/api/code-pools/vip/codes', { body: { codes: ['V1', 'V2'] } });
    await api.request('POST', '/api/code-pools/birthday/codes', { body: { codes: ['B1'] } });
    expect((await assignCode(api.db.sql, { pool: 'vip', key: 'wf:code:1', contactId: 'ann', runId: 'r1' })).code).toBe('V1');

    const list = await api.request('GET', '/api/code-pools');
    expect(list.body.map((p: { name: string; assigned: number; remaining: number }) => [p.name, p.assigned, p.remaining])).toEqual([
      ['birthday', 0, 1],
      ['vip', 1, 1],
    ]);
    expect((await api.request('GET', '/api/code-pools/vip')).body).toEqual({
      name: 'vip',
      lowThreshold: 0,
      total: 2,
      assigned: 1,
      remaining: 1,
      low: false,
      testRemaining: 0,
    });
    expect((await api.request('GET', '/api/code-pools/nope')).body.error).toEqual({ code: 'not_found', message: 'code pool "nope" does not exist' });
  });

  it('refuses an empty import, empty codes and a pool name no node could use, naming each', async () => {
    expect((await api.request('POST', '/api/code-pools/vip/codes', { body: { codes: [] } })).body.error.details).toEqual([
      { path: 'codes', message: 'send at least one code' },
    ]);
    const blank = await api.request('POST', '/api/code-pools/vip/codes', { body: { codes: ['ok', '  ', ''] } });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.map((d: { path: string }) => d.path)).toEqual(['codes.1', 'codes.2']);
    const badName = await api.request('POST', '/api/code-pools/Summer%20Sale/codes', { body: { codes: ['S1'] } });
    expect(badName.body.error.details).toEqual([{ path: 'name', message: 'a pool name is lower-case letters, digits, "_" or "-"' }]);
    expect((await api.request('GET', '/api/code-pools')).body).toEqual([]);
  });

  it('needs the admin token', async () => {
    expect((await api.request('GET', '/api/code-pools', { as: 'shop' })).status).toBe(401);
  });
});

describe('CSV import', () => {
  it('one code per line: blank lines ignored, repeats and codes already there skipped', async () => {
    await api.request('POST', '/api/code-pools/welcome/codes', { body: { codes: ['W-3'] } });
    const res = await postCsv('welcome', '\uFEFFW-1\r\nW-2\r\n\r\n  W-1 \r\nW-3\r\n"W-4"\n');
    expect(res).toEqual({ status: 201, body: { added: 3, skipped: 2, pool: expect.objectContaining({ total: 4, remaining: 4 }) } });
    expect(await codesOf('welcome')).toEqual(['W-3', 'W-1', 'W-2', 'W-4']);
  });

  it('a table with a "code" column: other columns ignored, semicolons and quotes understood', async () => {
    const csv = ['Value;Code;Note', '10 %;"SUMMER-1";first', '10 %;SUMMER-2;"has ; inside"', '20 %;"SUM""MER-3";'].join('\n');
    const res = await postCsv('summer', csv);
    expect(res.body).toMatchObject({ added: 3, skipped: 0 });
    expect(await codesOf('summer')).toEqual(['SUMMER-1', 'SUMMER-2', 'SUM"MER-3']);
  });

  it('test codes with ?test=true', async () => {
    expect((await postCsv('welcome', 'T-1\nT-2\n', '?test=true')).body.pool).toMatchObject({ total: 0, testRemaining: 2 });
    expect(await codesOf('welcome')).toEqual(['T-1 (test)', 'T-2 (test)']);
  });

  it('bad rows are named by line and nothing is imported', async () => {
    const csv = ['code,value', 'OK-1,10', ',10', `${'X'.repeat(201)},10`, '"OPEN,10', 'OK-2'].join('\n');
    const res = await postCsv('welcome', csv);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'invalid_csv',
      message: 'the CSV file was not imported: line 3: the code is empty (and 2 more)',
      details: [
        { line: 3, message: 'the code is empty' },
        { line: 4, message: 'the code is longer than 200 characters' },
        { line: 5, message: 'a quoted value is not closed' },
      ],
    });
    expect(await codesOf('welcome')).toEqual([]);
    expect((await api.request('GET', '/api/code-pools')).body).toEqual([]);
  });

  it('several values on a line without a header row, and an empty file, are refused', async () => {
    expect((await postCsv('welcome', 'A-1\nA-2,10\n')).body.error.details).toEqual([
      { line: 2, message: '2 values where one code was expected (a table needs a header row with a "code" column)' },
    ]);
    expect((await postCsv('welcome', '\n\n')).body.error.details).toEqual([{ line: 1, message: 'the file has no codes' }]);
    expect((await postCsv('welcome', 'code\n')).body.error.details).toEqual([{ line: 1, message: 'the file has a header row but no codes' }]);
  });

  it('other content types are refused', async () => {
    const res = await api.app.request('/api/code-pools/welcome/codes', {
      method: 'POST',
      headers: { authorization: `Bearer ${testCredentials.adminToken}`, 'content-type': 'text/plain' },
      body: 'A-1',
    });
    expect(res.status).toBe(415);
  });
});

describe('pool settings', () => {
  it('PUT creates a pool or changes its settings; fields left out stay, null clears', async () => {
    const created = await api.request('PUT', '/api/code-pools/welcome', { body: { description: 'First order', lowThreshold: 20, alertEmail: 'team@example.com' } });
    expect(created).toEqual({
      status: 200,
      body: { name: 'welcome', description: 'First order', lowThreshold: 20, alertEmail: 'team@example.com', total: 0, assigned: 0, remaining: 0, low: true, testRemaining: 0 },
    });
    const changed = await api.request('PUT', '/api/code-pools/welcome', { body: { lowThreshold: 0, alertEmail: null } });
    expect(changed.body).toEqual({ name: 'welcome', description: 'First order', lowThreshold: 0, total: 0, assigned: 0, remaining: 0, low: false, testRemaining: 0 });
  });

  it('refuses a bad threshold, a bad address and unknown fields, naming each', async () => {
    const res = await api.request('PUT', '/api/code-pools/welcome', { body: { lowThreshold: -1, alertEmail: 'team', threshold: 3 } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message])).toEqual([
      ['lowThreshold', 'the threshold cannot be negative'],
      ['alertEmail', 'an address looks like "team@example.com"'],
      ['', 'Unrecognized key: "threshold"'],
    ]);
    expect((await api.request('GET', '/api/code-pools')).body).toEqual([]);
  });

  it('stats show the pool as low, and when the alert was raised', async () => {
    await api.request('PUT', '/api/code-pools/welcome', { body: { lowThreshold: 2 } });
    await api.request('POST', '/api/code-pools/welcome/codes', { body: { codes: ['W-1', 'W-2'] } });
    await assignCode(api.db.sql, { pool: 'welcome', key: 'wf:code:1', contactId: 'ann', runId: 'r1' });
    expect((await api.request('GET', '/api/code-pools/welcome')).body).toMatchObject({ remaining: 1, low: true, lowAlertedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('the OpenAPI description has the PUT, and the CSV body next to the JSON one', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = (await (await api.app.request('/api/openapi.json')).json()) as any;
    const pool = doc.paths['/api/code-pools/{name}'];
    expect(Object.keys(pool)).toEqual(expect.arrayContaining(['get', 'put']));
    expect(Object.keys(doc.paths['/api/code-pools/{name}/codes'].post.requestBody.content)).toEqual(['application/json', 'text/csv']);
    expect(doc.components.schemas.CodePoolSettings.properties).toHaveProperty('lowThreshold');
  });
});
