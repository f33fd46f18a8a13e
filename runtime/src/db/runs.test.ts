import type { Step } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveContact } from './contacts';
import { createFlow, publishFlow } from './flows';
import {
  countRunsByNode,
  createRun,
  createRuns,
  getRun,
  lastRunFor,
  lastRunsFor,
  listRuns,
  recordProgress,
  runningRunsOfContacts,
  runStatuses,
  type NewRun,
} from './runs';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

beforeEach(async () => {
  await db.reset();
  for (const id of ['ann', 'bob']) await db.sql.begin((tx) => resolveContact(tx, { id }));
  await createFlow(db.sql, { id: 'f1', graph: { schemaVersion: 1, name: 'F', settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' }, nodes: [], edges: [] } });
  await publishFlow(db.sql, 'f1');
});

const run = (id: string, extra: Partial<NewRun> = {}): NewRun => ({
  id,
  flowId: 'f1',
  flowVersion: 1,
  contactId: 'ann',
  workflowId: `f1:ann`,
  startedAt: '2026-03-02T10:00:00.000Z',
  triggerEventId: 'e1',
  ...extra,
});
const step = (nodeId: string, outcome: string, at = '2026-03-02T10:00:00.000Z'): Step => ({ at, nodeId, type: 'wait.duration', visit: 1, outcome });

describe('runs', () => {
  it('createRun is idempotent on the run id', async () => {
    const first = await createRun(db.sql, run('r1'));
    expect(first).toEqual({
      created: true,
      run: {
        id: 'r1',
        flowId: 'f1',
        flowVersion: 1,
        contactId: 'ann',
        workflowId: 'f1:ann',
        status: 'running',
        startedAt: '2026-03-02T10:00:00.000Z',
        triggerEventId: 'e1',
        test: false,
        stepCount: 0,
        updatedAt: expect.any(String),
      },
    });
    expect(await createRun(db.sql, run('r1', { contactId: 'bob' }))).toEqual({ created: false, run: first.run });
  });

  it('a run must name a published version', async () => {
    await expect(createRun(db.sql, run('r1', { flowVersion: 2 }))).rejects.toThrow(/foreign key/);
  });

  it('recordProgress appends steps and moves the run; a repeated report changes nothing', async () => {
    await createRun(db.sql, run('r1'));
    const report = { runId: 'r1', fromSeq: 0, steps: [step('trigger', 'next'), step('wait', 'waiting')], status: 'waiting' as const, nodeId: 'wait' };
    expect(await recordProgress(db.sql, report)).toBe(true);
    expect(await recordProgress(db.sql, { ...report, steps: [step('trigger', 'CHANGED'), step('wait', 'waiting')] })).toBe(true);
    const stored = await getRun(db.sql, 'r1');
    expect(stored).toMatchObject({ status: 'waiting', nodeId: 'wait', stepCount: 2 });
    expect(stored?.steps).toEqual([step('trigger', 'next'), step('wait', 'waiting')]);
  });

  it('a late report from a retried activity does not move the run back, and an ended run stays ended', async () => {
    await createRun(db.sql, run('r1'));
    const early = { runId: 'r1', fromSeq: 0, steps: [step('trigger', 'next')], status: 'running' as const, nodeId: 'sms' };
    await recordProgress(db.sql, early);
    const end = {
      runId: 'r1',
      fromSeq: 1,
      steps: [step('sms', 'sent', '2026-03-03T10:00:00.000Z')],
      status: 'done' as const,
      end: { reason: 'completed' as const, nodeId: 'sms' },
      endedAt: '2026-03-03T10:00:00.000Z',
    };
    expect(await recordProgress(db.sql, end)).toBe(true);
    expect(await recordProgress(db.sql, early)).toBe(false);
    expect(await recordProgress(db.sql, { ...end, end: { reason: 'failed' as const, detail: 'late' } })).toBe(false);
    expect(await getRun(db.sql, 'r1')).toMatchObject({
      status: 'done',
      nodeId: 'sms',
      stepCount: 2,
      endedAt: '2026-03-03T10:00:00.000Z',
      endReason: 'completed',
      steps: [step('trigger', 'next'), step('sms', 'sent', '2026-03-03T10:00:00.000Z')],
    });
  });

  it('the first report can create the run row; without one it fails loudly', async () => {
    const { id: _id, ...createWith } = run('r1', { orderId: 'o1' });
    const report = { runId: 'r1', fromSeq: 0, steps: [step('trigger', 'next')], status: 'running' as const, nodeId: 'sms' };
    await expect(recordProgress(db.sql, { ...report, runId: 'ghost' })).rejects.toThrow(/foreign key/);
    expect(await recordProgress(db.sql, { ...report, createWith })).toBe(true);
    expect(await recordProgress(db.sql, { ...report, createWith: { ...createWith, contactId: 'bob' } })).toBe(true);
    expect(await getRun(db.sql, 'r1')).toMatchObject({ contactId: 'ann', orderId: 'o1', status: 'running', nodeId: 'sms', stepCount: 1 });
  });

  it('refuses a done report without its end', async () => {
    await expect(recordProgress(db.sql, { runId: 'r1', fromSeq: 0, steps: [], status: 'done' })).rejects.toThrow('run r1: a done report needs end and endedAt');
  });

  it('lastRunFor finds the latest run per contact, or per contact and order; test runs apart', async () => {
    await createRun(db.sql, run('old', { orderId: 'o1', startedAt: '2026-03-01T00:00:00.000Z' }));
    await createRun(db.sql, run('new', { orderId: 'o2', startedAt: '2026-03-05T00:00:00.000Z' }));
    await createRun(db.sql, run('test', { startedAt: '2026-03-06T00:00:00.000Z', test: true }));
    expect((await lastRunFor(db.sql, 'f1', { contactId: 'ann' }))?.id).toBe('new');
    expect((await lastRunFor(db.sql, 'f1', { contactId: 'ann', orderId: 'o1' }))?.id).toBe('old');
    expect((await lastRunFor(db.sql, 'f1', { contactId: 'ann', test: true }))?.id).toBe('test');
    expect(await lastRunFor(db.sql, 'f1', { contactId: 'bob' })).toBeUndefined();
  });

  it('pages through runs started within the same millisecond, none skipped', async () => {
    for (const [id, at] of [['r1', '2026-03-02T10:00:00.000100Z'], ['r2', '2026-03-02T10:00:00.000300Z'], ['r3', '2026-03-02T10:00:00.000200Z']] as const) {
      await createRun(db.sql, run(id));
      await db.sql`update runs set started_at = ${at}::text::timestamptz where id = ${id}`;
    }
    const pages: string[][] = [];
    let page = await listRuns(db.sql, { flowId: 'f1', limit: 1 });
    pages.push(page.items.map((r) => r.id));
    while (page.next) {
      page = await listRuns(db.sql, { flowId: 'f1', limit: 1, before: page.next });
      pages.push(page.items.map((r) => r.id));
    }
    expect(pages).toEqual([['r2'], ['r3'], ['r1']]);
  });

  it('lists and counts runs by flow, status and node; finds a contact’s running runs', async () => {
    await createRun(db.sql, run('r1', { startedAt: '2026-03-01T00:00:00.000Z' }));
    await createRun(db.sql, run('r2', { contactId: 'bob', workflowId: 'f1:bob', startedAt: '2026-03-02T00:00:00.000Z' }));
    await createRun(db.sql, run('r3', { startedAt: '2026-03-03T00:00:00.000Z' }));
    await recordProgress(db.sql, { runId: 'r1', fromSeq: 0, steps: [step('wait', 'waiting')], status: 'waiting', nodeId: 'wait' });
    await recordProgress(db.sql, { runId: 'r2', fromSeq: 0, steps: [step('wait', 'waiting')], status: 'waiting', nodeId: 'wait' });
    await recordProgress(db.sql, {
      runId: 'r3',
      fromSeq: 0,
      steps: [step('exit', 'exited')],
      status: 'done',
      end: { reason: 'exited', nodeId: 'exit' },
      endedAt: '2026-03-03T00:00:01.000Z',
    });

    const listed = async (filter: Parameters<typeof listRuns>[1]) => (await listRuns(db.sql, filter)).items.map((r) => r.id);
    expect(await listed({ flowId: 'f1' })).toEqual(['r3', 'r2', 'r1']);
    expect(await listed({ flowId: 'f1', status: 'waiting', nodeId: 'wait' })).toEqual(['r2', 'r1']);
    expect(await listed({ contactId: 'ann' })).toEqual(['r3', 'r1']);
    expect(await listed({ flowId: 'f1', limit: 2 })).toEqual(['r3', 'r2']);
    expect(await listed({ flowId: 'f1', before: { at: '2026-03-02T00:00:00.000000Z', id: 'r2' } })).toEqual(['r1']);

    expect(await countRunsByNode(db.sql, 'f1')).toEqual([
      { nodeId: 'exit', status: 'done', count: 1 },
      { nodeId: 'wait', status: 'waiting', count: 2 },
    ]);
    expect((await runningRunsOfContacts(db.sql, ['ann'])).get('ann')?.map((r) => r.id)).toEqual(['r1']);
  });
});

describe('runs of a whole claim of events at once', () => {
  it('createRuns creates the missing rows and says which; the others stay as they were', async () => {
    await createRun(db.sql, run('r1'));
    const created = await createRuns(db.sql, [run('r1', { triggerEventId: 'other' }), run('r2', { contactId: 'bob', workflowId: 'f1:bob', orderId: 'o2' })]);
    expect([...created]).toEqual(['r2']);
    expect((await getRun(db.sql, 'r1'))?.triggerEventId).toBe('e1');
    const r2 = await getRun(db.sql, 'r2');
    expect({ status: r2?.status, contactId: r2?.contactId, orderId: r2?.orderId, workflowId: r2?.workflowId, test: r2?.test }).toEqual({
      status: 'running',
      contactId: 'bob',
      orderId: 'o2',
      workflowId: 'f1:bob',
      test: false,
    });
    expect([...(await createRuns(db.sql, []))]).toEqual([]);
  });

  it('runStatuses, lastRunsFor and runningRunsOfContacts answer for many runs and contacts at once', async () => {
    await createRun(db.sql, run('old', { orderId: 'o1', startedAt: '2026-03-01T00:00:00.000Z' }));
    await createRun(db.sql, run('new', { orderId: 'o2', startedAt: '2026-03-05T00:00:00.000Z' }));
    await createRun(db.sql, run('test', { startedAt: '2026-03-06T00:00:00.000Z', test: true }));
    await createRun(db.sql, run('bobs', { contactId: 'bob', workflowId: 'f1:bob' }));
    await recordProgress(db.sql, {
      runId: 'old',
      fromSeq: 0,
      steps: [],
      status: 'done',
      end: { reason: 'completed' },
      endedAt: '2026-03-01T00:00:01.000Z',
    });

    expect(Object.fromEntries(await runStatuses(db.sql, ['old', 'new', 'missing']))).toEqual({ old: 'done', new: 'running' });
    const last = await lastRunsFor(db.sql, [
      { flowId: 'f1', contactId: 'ann' },
      { flowId: 'f1', contactId: 'ann', orderId: 'o1' },
      { flowId: 'f1', contactId: 'nobody' },
      { flowId: 'f1', contactId: 'bob' },
    ]);
    expect(last.map((r) => r?.id)).toEqual(['new', 'old', undefined, 'bobs']);
    const running = await runningRunsOfContacts(db.sql, ['ann', 'bob', 'nobody']);
    expect(Object.fromEntries([...running].map(([contact, runs]) => [contact, runs.map((r) => r.id)]))).toEqual({ ann: ['new', 'test'], bob: ['bobs'] });
  });
});
