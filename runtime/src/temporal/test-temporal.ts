import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FlowActivities } from '@nudgeflow/workflows/contract';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import { findOrBuildTemporalCli } from '../dev/temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from '../dev/temporal-dev-server';
import { createFlowWorker, type WorkerTuning } from './create-worker';

/**
 * Integration-test harness: one real Temporal dev server (the CLI binary, a temp SQLite file,
 * random ports) per test file, plus workers running the real workflow bundle with the test's
 * activities. Nothing about Temporal is mocked.
 */
export interface TestTemporal {
  readonly server: TemporalDevServer;
  readonly client: Client;
  /** A worker on its own task queue (or TASK_QUEUE), already running. */
  startWorker(activities: FlowActivities, options?: { taskQueue?: string; tuning?: WorkerTuning }): Promise<RunningWorker>;
}

export interface RunningWorker {
  worker: Worker;
  /** Graceful shutdown; resolves once the worker has stopped. */
  stop(): Promise<void>;
}

let runtimeReady = false;

/** The SDK logs at INFO to stderr by default; tests want warnings only. Once per process. */
function quietRuntime(): void {
  if (runtimeReady) return;
  runtimeReady = true;
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' } } } });
}

export function useTestTemporal(): TestTemporal {
  let server: TemporalDevServer | undefined;
  let client: Client | undefined;
  let native: NativeConnection | undefined;
  let dir: string | undefined;
  const workers = new Set<RunningWorker>();

  beforeAll(async () => {
    quietRuntime();
    dir = await mkdtemp(path.join(os.tmpdir(), 'nudgeflow-temporal-'));
    server = await startTemporalDevServer({ cliPath: await findOrBuildTemporalCli(), dbFile: path.join(dir, 'temporal.db'), headless: true });
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
    native = await NativeConnection.connect({ address: server.address });
  }, 900_000); // the first run on a new machine builds the Temporal CLI (minutes)

  afterAll(async () => {
    await Promise.all([...workers].map((w) => w.stop()));
    await client?.connection.close();
    await native?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the Temporal test server is not up (use inside tests)');
    return value;
  };

  return {
    get server() {
      return need(server);
    },
    get client() {
      return need(client);
    },
    async startWorker(activities, options = {}) {
      const worker = await createFlowWorker({
        connection: need(native),
        activities,
        ...(options.taskQueue ? { taskQueue: options.taskQueue } : {}),
        tuning: { shutdownGraceTime: '2s', ...options.tuning },
      });
      const running = worker.run();
      const handle: RunningWorker = {
        worker,
        async stop() {
          if (!workers.delete(handle)) return;
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
        },
      };
      workers.add(handle);
      return handle;
    },
  };
}

/** Polls `read` until `ok` (for state only a query or describe shows); names what it waited for on timeout. */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
