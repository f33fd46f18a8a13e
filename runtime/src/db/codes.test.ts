import { beforeEach, describe, expect, it } from 'vitest';
import { assignCode, importCodes, listPools, poolStats, savePool } from './codes';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();
const request = (key: string, extra: { test?: boolean; pool?: string } = {}) => ({ pool: 'welcome', key, contactId: 'ann', runId: 'r1', ...extra });
const codes = (n: number, prefix = 'W') => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

describe('code pools', () => {
  beforeEach(() => db.reset());

  it('imports codes in order, skipping blanks and ones already there', async () => {
    expect(await importCodes(db.sql, 'welcome', ['A', ' B ', '', 'A'])).toEqual({ added: 2, skipped: 2 });
    expect(await importCodes(db.sql, 'welcome', ['B', 'C'])).toEqual({ added: 1, skipped: 1 });
    expect(await assignCode(db.sql, request('k1'))).toBe('A');
    expect(await assignCode(db.sql, request('k2'))).toBe('B');
  });

  it('the same key always gets the same code', async () => {
    await importCodes(db.sql, 'welcome', codes(3));
    const first = await assignCode(db.sql, request('wf:n1:1'));
    expect(first).toBe('W001');
    expect(await assignCode(db.sql, request('wf:n1:1'))).toBe('W001');
    expect(await assignCode(db.sql, request('wf:n1:2'))).toBe('W002');
  });

  it('20 concurrent callers get 20 distinct codes; repeated keys at the same time share one', async () => {
    await importCodes(db.sql, 'welcome', codes(30));
    const other = db.connect(10);
    const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
    const assigned = await Promise.all([...keys, ...keys].map((key, i) => assignCode(i % 2 ? other : db.sql, request(key))));
    const byKey = new Map<string, Set<string | undefined>>();
    [...keys, ...keys].forEach((key, i) => byKey.set(key, (byKey.get(key) ?? new Set()).add(assigned[i])));
    expect([...byKey.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set(assigned).size).toBe(20);
    expect(assigned.every((c) => c !== undefined)).toBe(true);
    expect(await poolStats(db.sql, 'welcome')).toMatchObject({ total: 30, assigned: 20, available: 10 });
  });

  it('hands out nothing when the pool is empty or unknown', async () => {
    await importCodes(db.sql, 'welcome', ['ONLY']);
    expect(await assignCode(db.sql, request('k1'))).toBe('ONLY');
    expect(await assignCode(db.sql, request('k2'))).toBeUndefined();
    expect(await assignCode(db.sql, request('k3', { pool: 'nope' }))).toBeUndefined();
  });

  it('test runs take test codes only, and real runs never get them', async () => {
    await importCodes(db.sql, 'welcome', ['REAL']);
    await importCodes(db.sql, 'welcome', ['TEST-1'], { test: true });
    expect(await assignCode(db.sql, request('t1', { test: true }))).toBe('TEST-1');
    expect(await assignCode(db.sql, request('t2', { test: true }))).toBeUndefined();
    expect(await assignCode(db.sql, request('r1'))).toBe('REAL');
  });

  it('reports stock and the low-stock warning', async () => {
    await savePool(db.sql, { name: 'welcome', description: 'First order', lowThreshold: 3 });
    await importCodes(db.sql, 'welcome', codes(4));
    await importCodes(db.sql, 'welcome', ['T1', 'T2'], { test: true });
    expect(await poolStats(db.sql, 'welcome')).toEqual({
      name: 'welcome',
      description: 'First order',
      lowThreshold: 3,
      total: 4,
      assigned: 0,
      available: 4,
      low: false,
      testAvailable: 2,
    });
    await assignCode(db.sql, request('k1'));
    await assignCode(db.sql, request('k2'));
    await importCodes(db.sql, 'empty', []);
    expect((await listPools(db.sql)).map((p) => [p.name, p.available, p.low])).toEqual([
      ['empty', 0, false],
      ['welcome', 2, true],
    ]);
    expect(await poolStats(db.sql, 'nope')).toBeUndefined();
  });
});
