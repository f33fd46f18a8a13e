import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun, ingestEvent } from '../db';
import { useTestDatabase } from '../db/test-database';
import { findOrBuildTemporalCli } from '../dev/temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from '../dev/temporal-dev-server';
import { createFlowWorker } from '../temporal/create-worker';
import { TestActivities } from '../temporal/test-activities';
import { graphOf, uniqueKey } from '../temporal/test-flows';
import { waitFor } from '../temporal/test-temporal';
import { startDispatcher } from './dispatcher';
import { runIdFor } from './run-ids';
import { activitiesRecordingRuns, executionsOf, runsOf, shopEvent, storeFlow } from './test-routing';

const db = useTestDatabase();
const taskQueue = uniqueKey('outage-queue');
let dir: string;
let cliPath: string;
let server: TemporalDevServer | undefined;
let client: Client;
const cleanups: (() => Promise<void>)[] = [];

/** The dev server on `port` (a free one when absent) over the same SQLite file each time. */
async function startServer(port?: number): Promise<TemporalDevServer> {
  server = await startTemporalDevServer({ cliPath, dbFile: path.join(dir, 'temporal.db'), headless: true, ...(port ? { port } : {}) });
  return server;
}

async function startWorker(address: string, activities: TestActivities['activities']): Promise<void> {
  const native = await NativeConnection.connect({ address });
  const worker: Worker = await createFlowWorker({ connection: native, activities, taskQueue, tuning: { shutdownGraceTime: '1s' } });
  const running = worker.run();
  cleanups.push(async () => {
    worker.shutdown();
    await running;
    await native.close();
  });
}

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
  dir = await mkdtemp(path.join(os.tmpdir(), 'nudgeflow-outage-'));
  cliPath = await findOrBuildTemporalCli();
  const first = await startServer();
  client = new Client({ connection: await Connection.connect({ address: first.address }) });
}, 900_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await client?.connection.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('the dispatcher while Temporal is down', () => {
  it('keeps the events, and starts their runs exactly once when Temporal is back', async () => {
    await storeFlow(db.sql, 'f-outage', graphOf('Tag', [['trigger', 'trigger.event', { event: 'order.created' }], ['tag', 'action.tag', { add: ['x'] }]], ['trigger->tag']));
    const logs: string[] = [];
    const dispatcher = startDispatcher({ sql: db.sql, client, taskQueue, pollMs: 3_600_000, temporalTimeoutMs: 1500, log: (line) => logs.push(line) });
    cleanups.push(() => dispatcher.stop());
    await dispatcher.drainOnce();

    const port = Number((server as TemporalDevServer).address.split(':').at(-1));
    await (server as TemporalDevServer).stop();
    const contacts = [uniqueKey('ann'), uniqueKey('bob'), uniqueKey('cid')];
    for (const contactId of contacts) expect((await ingestEvent(db.sql, shopEvent(`down-${contactId}`, 'order.created', contactId, `o-${contactId}`))).status).toBe('stored');

    expect(await dispatcher.drainOnce()).toBe(0);
    const pending = await db.sql<{ attempts: number; failed: boolean; dispatched: boolean }[]>`
      select attempts, last_error is not null as failed, dispatched_at is not null as dispatched from outbox order by id`;
    expect(pending).toEqual(contacts.map(() => ({ attempts: 1, failed: true, dispatched: false })));
    // The run rows are written before the start (they make a retry find its run): none has begun.
    const runIds = contacts.map((contactId) => runIdFor('f-outage', contactId, { kind: 'event', eventId: `down-${contactId}` }));
    const rows = Object.fromEntries((await runsOf(db.sql, 'f-outage')).map((r) => [r.id, { status: r.status, stepCount: r.stepCount }]));
    expect(rows).toEqual(Object.fromEntries(runIds.map((id) => [id, { status: 'running', stepCount: 0 }])));
    expect(logs.some((line) => line.startsWith('3 of 3 events not dispatched (Temporal or the database is unreachable'))).toBe(true);

    const back = await startServer(port);
    const recorder = new TestActivities();
    await startWorker(back.address, activitiesRecordingRuns(db.sql, recorder));
    // Retried at once rather than after the backoff, until the client has reconnected.
    const remaining = async () => {
      await db.sql`update outbox set next_attempt_at = now() where dispatched_at is null`;
      await dispatcher.drainOnce();
      const [row] = await db.sql<{ count: number }[]>`select count(*)::int as count from outbox where dispatched_at is null`;
      return row?.count;
    };
    await waitFor(remaining, (count) => count === 0, 'the events to be dispatched', 30_000);

    expect((await runsOf(db.sql, 'f-outage')).map((r) => r.id).sort()).toEqual([...runIds].sort());
    for (const runId of runIds) {
      await waitFor(() => getRun(db.sql, runId), (run) => run?.status === 'done', `run ${runId} to end`);
      expect(executionsOf(recorder, runId)).toBe(1);
    }
  }, 90_000);
});
