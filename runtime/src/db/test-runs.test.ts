import { scenarioSchema, type FlowGraph } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { listContacts, resolveContact } from './contacts';
import { createFlow } from './flows';
import { getRun, listRuns } from './runs';
import { useTestDatabase } from './test-database';
import { createLiveTestRun, endTestRun, getTestRun, insertTestRun, type LiveTestRunRows } from './test-runs';

const db = useTestDatabase();

const graph: FlowGraph = { schemaVersion: 1, name: 'F', settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' }, nodes: [], edges: [] };
const scenario = scenarioSchema.parse({ contact: { id: 'c-1', email: 'jana@example.com', phone: '+420777123456', externalId: 'shop-7', tags: [] } });

beforeEach(async () => {
  await db.reset();
  await createFlow(db.sql, { id: 'f1', graph });
});

const live = (id: string): LiveTestRunRows => ({
  contact: { ...scenario.contact, id: `test-${id}` },
  run: { id, flowId: 'f1', flowVersion: null, orderId: 'o1', workflowId: `test-run/${id}`, startedAt: '2026-01-05T08:00:00.000Z', triggerEventId: 'sim-0' },
  testRun: { id, flowId: 'f1', graph, scenario, mode: 'live', timeScale: 3600, status: 'running', runId: id, workflowId: `test-run/${id}`, startSeconds: 0 },
});

describe('test runs', () => {
  it('stores a simulation with its result, ended at once', async () => {
    const result = { steps: [], actions: [], end: { atSeconds: 0, reason: 'notStarted' as const } };
    const stored = await insertTestRun(db.sql, { id: 'trun_1', graph, scenario, mode: 'simulate', status: 'done', result });
    expect(stored).toEqual({ id: 'trun_1', graph, scenario, mode: 'simulate', status: 'done', result, createdAt: expect.any(String), endedAt: expect.any(String) });
    expect(await getTestRun(db.sql, 'trun_1')).toEqual(stored);
  });

  it('keeps a live run, its run (without a version) and its contact apart from real ones', async () => {
    await createLiveTestRun(db.sql, live('trun_2'));
    expect(await getRun(db.sql, 'trun_2')).toMatchObject({ flowId: 'f1', flowVersion: 0, contactId: 'test-trun_2', test: true, status: 'running' });
    const [row] = await db.sql`select email, phone, external_id, test from contacts where id = 'test-trun_2'`;
    expect(row).toEqual({ email: null, phone: null, external_id: null, test: true });

    // The shop sends an event about the same person: a real contact of its own, never the test one.
    const real = await db.sql.begin((tx) => resolveContact(tx, { email: 'jana@example.com', externalId: 'shop-7' }));
    expect(real.id).not.toBe('test-trun_2');
    expect((await listContacts(db.sql)).map((c) => c.id)).toEqual([real.id]);
    expect((await listRuns(db.sql, { test: false })).items).toEqual([]);
  });

  it('refuses a real run without a version', async () => {
    await db.sql.begin((tx) => resolveContact(tx, { id: 'ann' }));
    const insert = db.sql`
      insert into runs (id, flow_id, flow_version, contact_id, workflow_id, status, started_at)
      values ('r1', 'f1', null, 'ann', 'flow/f1/ann', 'running', now())`;
    await expect(insert).rejects.toThrow(/runs_version_unless_test/);
  });

  it('ends a running test run once: the first end wins', async () => {
    await createLiveTestRun(db.sql, live('trun_3'));
    const end = { end: { atSeconds: 60, reason: 'waiting' as const } };
    expect(await endTestRun(db.sql, 'trun_3', 'done', end)).toMatchObject({ changed: true, run: { status: 'done', result: end, endedAt: expect.any(String) } });
    expect(await endTestRun(db.sql, 'trun_3', 'cancelled')).toMatchObject({ changed: false, run: { status: 'done', result: end } });
    expect(await endTestRun(db.sql, 'nope', 'cancelled')).toBeUndefined();
  });
});
