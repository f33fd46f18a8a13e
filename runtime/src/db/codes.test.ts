import { beforeEach, describe, expect, it } from 'vitest';
import { assignCode, importCodes, listPools, poolStats, savePool } from './codes';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();
const request = (key: string, extra: { test?: boolean; pool?: string } = {}) => ({ pool: 'welcome', key, contactId: 'ann', runId: 'r1', ...extra });
const codes = (n: number, prefix = 'W') => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
const codeFor = async (key: string, extra: { test?: boolean; pool?: string } = {}) => (await assignCode(db.sql, request(key, extra))).code;

describe('code pools', () => {
  beforeEach(() => db.reset());

  it('imports codes in order, skipping blanks and ones already there', async () => {
    expect(await importCodes(db.sql, 'welcome', ['A', ' B ', '', 'A'])).toEqual({ added: 2, skipped: 2 });
    expect(await importCodes(db.sql, 'welcome', ['B', 'C'])).toEqual({ added: 1, skipped: 1 });
    expect(await codeFor('k1')).toBe('A');
    expect(await codeFor('k2')).toBe('B');
  });

  it('the same key always gets the same code', async () => {
    await importCodes(db.sql, 'welcome', codes(3));
    expect(await codeFor('wf:n1:1')).toBe('W001');
    expect(await codeFor('wf:n1:1')).toBe('W001');
    expect(await codeFor('wf:n1:2')).toBe('W002');
  });

  it('20 concurrent callers get 20 distinct codes; repeated keys at the same time share one', async () => {
    await importCodes(db.sql, 'welcome', codes(30));
    const other = db.connect(10);
    const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
    const assigned = (await Promise.all([...keys, ...keys].map((key, i) => assignCode(i % 2 ? other : db.sql, request(key))))).map((a) => a.code);
    const byKey = new Map<string, Set<string | undefined>>();
    [...keys, ...keys].forEach((key, i) => byKey.set(key, (byKey.get(key) ?? new Set()).add(assigned[i])));
    expect([...byKey.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set(assigned).size).toBe(20);
    expect(assigned.every((c) => c !== undefined)).toBe(true);
    expect(await poolStats(db.sql, 'welcome')).toMatchObject({ total: 30, assigned: 20, remaining: 10 });
  });

  it('hands out nothing when the pool is empty or unknown', async () => {
    await importCodes(db.sql, 'welcome', ['ONLY']);
    expect(await assignCode(db.sql, request('k1'))).toEqual({ code: 'ONLY' });
    expect(await assignCode(db.sql, request('k2'))).toEqual({});
    expect(await assignCode(db.sql, request('k3', { pool: 'nope' }))).toEqual({});
  });

  it('test runs take test codes only, and real runs never get them', async () => {
    await importCodes(db.sql, 'welcome', ['REAL']);
    await importCodes(db.sql, 'welcome', ['TEST-1'], { test: true });
    expect(await codeFor('t1', { test: true })).toBe('TEST-1');
    expect(await codeFor('t2', { test: true })).toBeUndefined();
    expect(await codeFor('r1')).toBe('REAL');
  });

  it('reports stock, settings and the low flag', async () => {
    await savePool(db.sql, 'welcome', { description: 'First order', lowThreshold: 3, alertEmail: 'team@example.com' });
    await importCodes(db.sql, 'welcome', codes(4));
    await importCodes(db.sql, 'welcome', ['T1', 'T2'], { test: true });
    expect(await poolStats(db.sql, 'welcome')).toEqual({
      name: 'welcome',
      description: 'First order',
      lowThreshold: 3,
      alertEmail: 'team@example.com',
      total: 4,
      assigned: 0,
      remaining: 4,
      low: false,
      testRemaining: 2,
    });
    await assignCode(db.sql, request('k1'));
    await assignCode(db.sql, request('k2'));
    await importCodes(db.sql, 'empty', []);
    expect((await listPools(db.sql)).map((p) => [p.name, p.remaining, p.low, p.lowAlertedAt !== undefined])).toEqual([
      ['empty', 0, false, false],
      ['welcome', 2, true, true],
    ]);
    expect(await poolStats(db.sql, 'nope')).toBeUndefined();
  });

  it('saving changes only the settings given; null clears one', async () => {
    await savePool(db.sql, 'welcome', { description: 'First order', lowThreshold: 3, alertEmail: 'team@example.com' });
    await savePool(db.sql, 'welcome', { lowThreshold: 5 });
    expect(await poolStats(db.sql, 'welcome')).toMatchObject({ description: 'First order', lowThreshold: 5, alertEmail: 'team@example.com' });
    await savePool(db.sql, 'welcome', { description: null, alertEmail: null });
    const stats = await poolStats(db.sql, 'welcome');
    expect([stats?.description, stats?.alertEmail, stats?.lowThreshold]).toEqual([undefined, undefined, 5]);
  });
});

describe('the low-stock alert', () => {
  beforeEach(() => db.reset());
  const alert = (remaining: number) => ({ pool: 'welcome', remaining, threshold: 3, alertEmail: 'team@example.com' });

  it('is raised once, by the assignment that leaves fewer codes than the threshold, and again on its retry', async () => {
    await savePool(db.sql, 'welcome', { lowThreshold: 3, alertEmail: 'team@example.com' });
    await importCodes(db.sql, 'welcome', codes(5));
    expect(await assignCode(db.sql, request('k1'))).toEqual({ code: 'W001' });
    expect(await assignCode(db.sql, request('k2'))).toEqual({ code: 'W002' });
    expect(await assignCode(db.sql, request('k3'))).toEqual({ code: 'W003', lowStock: alert(2) });
    expect(await assignCode(db.sql, request('k4'))).toEqual({ code: 'W004' });
    expect(await assignCode(db.sql, request('k3'))).toEqual({ code: 'W003', lowStock: alert(1) });
    expect(await assignCode(db.sql, request('k5'))).toEqual({ code: 'W005' });
    expect(await assignCode(db.sql, request('k6'))).toEqual({});
  });

  it('a refill to the threshold ends it (test codes do not count), so the next shortage alerts again', async () => {
    await savePool(db.sql, 'welcome', { lowThreshold: 3 });
    await importCodes(db.sql, 'welcome', codes(3));
    expect((await assignCode(db.sql, request('k1'))).lowStock).toEqual({ pool: 'welcome', remaining: 2, threshold: 3 });
    await importCodes(db.sql, 'welcome', ['T1'], { test: true });
    expect((await poolStats(db.sql, 'welcome'))?.lowAlertedAt).toBeDefined();
    await importCodes(db.sql, 'welcome', ['X1']);
    expect((await poolStats(db.sql, 'welcome'))?.lowAlertedAt).toBeUndefined();
    expect((await assignCode(db.sql, request('k2'))).lowStock).toEqual({ pool: 'welcome', remaining: 2, threshold: 3 });
  });

  it('a lower threshold ends it; a threshold of 0 never raises one', async () => {
    await savePool(db.sql, 'welcome', { lowThreshold: 3 });
    await importCodes(db.sql, 'welcome', codes(3));
    expect((await assignCode(db.sql, request('k1'))).lowStock).toBeDefined();
    await savePool(db.sql, 'welcome', { lowThreshold: 2 });
    expect((await poolStats(db.sql, 'welcome'))?.lowAlertedAt).toBeUndefined();
    await savePool(db.sql, 'welcome', { lowThreshold: 0 });
    expect(await assignCode(db.sql, request('k2'))).toEqual({ code: 'W002' });
    expect(await assignCode(db.sql, request('k3'))).toEqual({ code: 'W003' });
  });

  it('an empty pool with a threshold raises it too; test runs never do', async () => {
    await savePool(db.sql, 'welcome', { lowThreshold: 1 });
    await importCodes(db.sql, 'welcome', ['T1'], { test: true });
    expect(await assignCode(db.sql, request('t1', { test: true }))).toEqual({ code: 'T1' });
    expect(await assignCode(db.sql, request('t2', { test: true }))).toEqual({});
    expect(await assignCode(db.sql, request('k1'))).toEqual({ lowStock: { pool: 'welcome', remaining: 0, threshold: 1 } });
  });

  it('30 concurrent assignments on a pool of 10: 10 distinct codes, one alert', async () => {
    await savePool(db.sql, 'welcome', { lowThreshold: 4 });
    await importCodes(db.sql, 'welcome', codes(10));
    const other = db.connect(10);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => assignCode(i % 2 ? other : db.sql, { ...request(`key-${i}`), contactId: `c${i}`, runId: `r${i}` })));
    const handedOut = results.flatMap((r) => (r.code ? [r.code] : []));
    expect(handedOut.sort()).toEqual(codes(10));
    expect(results.filter((r) => r.lowStock)).toHaveLength(1);
    expect(await poolStats(db.sql, 'welcome')).toMatchObject({ remaining: 0, low: true, lowAlertedAt: expect.any(String) });
  });
});
