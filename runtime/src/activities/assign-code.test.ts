import { beforeEach, describe, expect, it } from 'vitest';
import { importCodes, poolStats, savePool } from '../db/codes';
import { listMessages } from '../db/messages';
import { useTestDatabase } from '../db/test-database';
import { createFlowActivities } from './index';
import { effectCommand, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

const db = useTestDatabase();
let channels: ReturnType<typeof recordingChannels>;
let activities: ReturnType<typeof createFlowActivities>;
const warnings: string[] = [];

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  channels = recordingChannels();
  warnings.length = 0;
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels, log: { warn: (message) => warnings.push(message) } });
});

const assign = (runId: string, options: { test?: boolean; contactId?: string } = {}) => {
  const run = runRef({ runId, ...(options.test ? { test: true } : {}), ...(options.contactId ? { contactId: options.contactId } : {}) });
  return activities.executeEffect({ run, command: effectCommand('action.assignCode', { pool: 'ebook' }, { run, nodeId: 'code' }) });
};
const codeOf = (result: { patch?: { codes?: Record<string, string> } }) => result.patch?.codes?.ebook;

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

    const codes = runs.map((_, i) => codeOf(results[i] ?? {}));
    expect(new Set(codes).size).toBe(20);
    expect(runs.map((_, i) => codeOf(results[i + 20] ?? {}))).toEqual(codes);
    expect(await poolStats(db.sql, 'ebook')).toMatchObject({ assigned: 20, remaining: 5 });
  });

  it('30 concurrent runs of 30 contacts on a pool of 10: 10 distinct codes, the rest take "empty"; a retry keeps its code', async () => {
    const pool = Array.from({ length: 10 }, (_, i) => `E-${i}`);
    await importCodes(db.sql, 'ebook', pool);
    const contacts = Array.from({ length: 30 }, (_, i) => `c${i}`);
    for (const id of contacts) await storeContact(db.sql, { id, consent: {} });
    const results = await Promise.all(contacts.map((contactId, i) => assign(`r${i}`, { contactId })));

    const handedOut = results.flatMap((r) => codeOf(r) ?? []);
    expect(handedOut.sort()).toEqual(pool);
    expect(results.filter((r) => r.output === 'empty')).toEqual(Array(20).fill({ status: 'skipped', output: 'empty', reason: 'pool "ebook" is empty' }));
    const winner = results.findIndex((r) => codeOf(r) !== undefined);
    expect(await assign(`r${winner}`, { contactId: `c${winner}` })).toEqual(results[winner]);
  });

  it('takes the "empty" output when the pool is exhausted', async () => {
    await importCodes(db.sql, 'ebook', ['E-1']);
    await assign('r1');
    expect(await assign('r2')).toEqual({ status: 'skipped', output: 'empty', reason: 'pool "ebook" is empty' });
  });

  it('test runs take test codes, then stand-in TEST- codes, and never a real one', async () => {
    await importCodes(db.sql, 'ebook', ['E-1']);
    await importCodes(db.sql, 'ebook', ['T-1'], { test: true });

    expect(await assign('t1', { test: true })).toEqual({ status: 'done', patch: { codes: { ebook: 'T-1' } } });
    const standIn = await assign('t2', { test: true });
    expect(standIn).toEqual({ status: 'done', patch: { codes: { ebook: expect.stringMatching(/^TEST-[0-9A-F]{10}$/) } } });
    expect(await assign('t2', { test: true })).toEqual(standIn);
    expect(await poolStats(db.sql, 'ebook')).toMatchObject({ assigned: 0, remaining: 1, testRemaining: 0 });
  });
});

describe('the low-stock alert', () => {
  const internal = async () => (await listMessages(db.sql, { channel: 'internal' })).items;

  it('emails staff once when an assignment leaves fewer codes than the threshold', async () => {
    await savePool(db.sql, 'ebook', { lowThreshold: 2, alertEmail: 'team@example.com' });
    await importCodes(db.sql, 'ebook', ['E-1', 'E-2', 'E-3']);
    await assign('r1');
    expect(await internal()).toEqual([]);
    expect(await assign('r2')).toEqual({ status: 'done', patch: { codes: { ebook: 'E-2' } } });
    await assign('r3');
    await assign('r2');

    const subject = 'Code pool "ebook" is running low: 1 code left';
    expect(await internal()).toEqual([
      expect.objectContaining({ idempotencyKey: 'r2:code:1:low-stock', runId: 'r2', nodeId: 'code', contactId: 'ann', marketing: false, to: 'team@example.com', subject, status: 'sent' }),
    ]);
    expect(channels.email.sent).toEqual([
      expect.objectContaining({ to: ['team@example.com'], subject, marketing: false, text: expect.stringContaining('POST /api/code-pools/ebook/codes') }),
    ]);
  });

  it('without an alert address it is only recorded', async () => {
    await savePool(db.sql, 'ebook', { lowThreshold: 5 });
    await importCodes(db.sql, 'ebook', ['E-1']);
    await assign('r1');
    expect(await internal()).toMatchObject([{ subject: 'Code pool "ebook" is running low: no codes left', status: 'skipped', reason: 'recorded only: pool "ebook" has no alert address' }]);
    expect(channels.email.sent).toEqual([]);
  });

  it('an alert that cannot be sent is recorded and logged, and the run still gets its code', async () => {
    await savePool(db.sql, 'ebook', { lowThreshold: 5, alertEmail: 'team@example.com' });
    await importCodes(db.sql, 'ebook', ['E-1']);
    channels.email.fail = () => new Error('SMTP 451 try again later');
    expect(await assign('r1')).toEqual({ status: 'done', patch: { codes: { ebook: 'E-1' } } });
    expect(await internal()).toMatchObject([{ status: 'failed', reason: 'attempt 1: SMTP 451 try again later' }]);
    expect(warnings).toEqual(['the low-stock alert of a code pool could not be sent']);
  });

  it('test runs raise none', async () => {
    await savePool(db.sql, 'ebook', { lowThreshold: 5, alertEmail: 'team@example.com' });
    await importCodes(db.sql, 'ebook', ['T-1'], { test: true });
    await assign('t1', { test: true });
    await assign('t2', { test: true });
    expect(await internal()).toEqual([]);
  });
});
