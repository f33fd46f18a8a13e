import { beforeEach, describe, expect, it } from 'vitest';
import { importCodes, poolStats } from '../db/codes';
import { useTestDatabase } from '../db/test-database';
import { createFlowActivities } from './index';
import { effectCommand, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

const db = useTestDatabase();
let activities: ReturnType<typeof createFlowActivities>;

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels() });
});

const assign = (runId: string, test = false) => {
  const run = runRef({ runId, ...(test ? { test } : {}) });
  return activities.executeEffect({ run, command: effectCommand('action.assignCode', { pool: 'ebook' }, { run, nodeId: 'code' }) });
};

describe('action.assignCode', () => {
  it('gives the next code and patches codes[pool]; the same key gets the same code', async () => {
    await importCodes(db.sql, 'ebook', ['E-1', 'E-2']);
    expect(await assign('r1')).toEqual({ status: 'done', patch: { codes: { ebook: 'E-1' } } });
    expect(await assign('r1')).toEqual({ status: 'done', patch: { codes: { ebook: 'E-1' } } });
    expect(await assign('r2')).toEqual({ status: 'done', patch: { codes: { ebook: 'E-2' } } });
  });

  it('hands 20 concurrent runs 20 distinct codes, one each even with every run calling twice', async () => {
    await importCodes(db.sql, 'ebook', Array.from({ length: 25 }, (_, i) => `E-${i}`));
    const runs = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const results = await Promise.all([...runs, ...runs].map((runId) => assign(runId)));

    const codeOf = (i: number) => (results[i]?.patch?.codes ?? {}).ebook;
    const codes = runs.map((_, i) => codeOf(i));
    expect(new Set(codes).size).toBe(20);
    expect(runs.map((_, i) => codeOf(i + 20))).toEqual(codes);
    expect(await poolStats(db.sql, 'ebook')).toMatchObject({ assigned: 20, available: 5 });
  });

  it('takes the "empty" output when the pool is exhausted', async () => {
    await importCodes(db.sql, 'ebook', ['E-1']);
    await assign('r1');
    expect(await assign('r2')).toEqual({ status: 'skipped', output: 'empty', reason: 'pool "ebook" is empty' });
  });

  it('test runs take test codes, then stand-in TEST- codes, and never a real one', async () => {
    await importCodes(db.sql, 'ebook', ['E-1']);
    await importCodes(db.sql, 'ebook', ['T-1'], { test: true });

    expect(await assign('t1', true)).toEqual({ status: 'done', patch: { codes: { ebook: 'T-1' } } });
    const standIn = await assign('t2', true);
    expect(standIn).toEqual({ status: 'done', patch: { codes: { ebook: expect.stringMatching(/^TEST-[0-9A-F]{10}$/) } } });
    expect(await assign('t2', true)).toEqual(standIn);
    expect(await poolStats(db.sql, 'ebook')).toMatchObject({ assigned: 0, available: 1, testAvailable: 0 });
  });
});
