import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { readEnv, type Credentials } from '../../runtime/src/config';
import { findFreePort } from '../../runtime/src/dev/ports';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../runtime/src/dev/embedded-postgres';
import { findOrBuildTemporalCli } from '../../runtime/src/dev/temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from '../../runtime/src/dev/temporal-dev-server';
import { startStack, type RunningStack } from '../../runtime/src/server/stack';
import { ApiClient } from './api-client';
import { spawnWorker, type WorkerChild } from './worker-child';

/** Fixed, test-only secrets: the API is bound to 127.0.0.1 on a random port for one test file. */
export const TEST_CREDENTIALS: Credentials = {
  adminToken: 'nfa_integration-tests-admin-token',
  apiKey: 'nfk_integration-tests-ingestion-key',
};

/** Signs links in messages; the API and the worker process share it, as production requires. */
export const TEST_LINK_SECRET = 'integration-tests-link-secret';

const LOG_TAIL = 80;

export interface IntegrationStack {
  /** The HTTP API of this file's stack (admin token and ingestion key built in). */
  readonly api: ApiClient;
  /** The worker process running now, if any. */
  readonly worker: WorkerChild | undefined;
  /** Starts a `nudgeflow worker` process (one at a time). */
  startWorker(): Promise<WorkerChild>;
  /** Signals the running worker process and waits until it is gone; resolves to how it ended. */
  killWorker(signal?: NodeJS.Signals): Promise<string>;
  /** Stops the Temporal dev server (SIGTERM); its SQLite file and port are kept for startTemporal(). */
  stopTemporal(): Promise<void>;
  /** Starts the Temporal dev server again on the same file and port. */
  startTemporal(): Promise<void>;
}

/**
 * One real stack per test file, started in beforeAll and torn down in afterAll (also when
 * something failed half-way): embedded PostgreSQL and a Temporal dev server on a temp dir; the
 * API and dispatcher in this process through startStack, as `nudgeflow serve` runs them; the
 * worker as a separate `nudgeflow worker` process, as production runs it, so that it can be
 * killed with SIGKILL.
 */
export interface IntegrationStackOptions {
  /**
   * More environment for the API and the worker process (SMTP_URL, TWILIO_*...). A function is
   * called when the stack starts, after the file's earlier beforeAll hooks (a local SMTP server's port).
   */
  env?: () => Record<string, string>;
}

export function useIntegrationStack(options: IntegrationStackOptions = {}): IntegrationStack {
  const log: string[] = [];
  const remember = (line: string) => {
    log.push(line);
    if (log.length > LOG_TAIL) log.shift();
  };
  let dir: string | undefined;
  let postgres: EmbeddedPostgres | undefined;
  let temporal: TemporalDevServer | undefined;
  let temporalPort: number | undefined;
  let cliPath: string | undefined;
  let stack: RunningStack | undefined;
  let api: ApiClient | undefined;
  let worker: WorkerChild | undefined;
  let extraEnv: Record<string, string> = {};

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running (the stack is only there inside tests)`);
    return value;
  };

  async function launchTemporal(): Promise<void> {
    temporal = await startTemporalDevServer({
      cliPath: need(cliPath, 'the Temporal CLI'),
      dbFile: path.join(need(dir, 'the data dir'), 'temporal.db'),
      headless: true,
      ...(temporalPort !== undefined ? { port: temporalPort } : {}),
      log: (line) => remember(`[temporal] ${line}`),
    });
    temporalPort = Number(temporal.address.split(':').at(-1));
  }

  async function teardown(): Promise<void> {
    const steps: [string, () => Promise<unknown>][] = [
      ['the worker process', async () => worker?.kill('SIGTERM')],
      ['the API', async () => stack?.stop()],
      ['the Temporal dev server', async () => temporal?.stop()],
      ['PostgreSQL', async () => postgres?.stop()],
      ['the data dir', async () => dir && rm(dir, { recursive: true, force: true })],
    ];
    const problems: string[] = [];
    for (const [what, step] of steps) await step().catch((error: unknown) => problems.push(`stopping ${what}: ${String(error)}`));
    worker = stack = temporal = postgres = undefined;
    dir = undefined;
    if (problems.length) throw new Error(problems.join('\n'));
  }

  beforeAll(async () => {
    try {
      dir = await mkdtemp(path.join(os.tmpdir(), 'nudgeflow-it-'));
      // As root, PostgreSQL runs as the "postgres" user, which must be able to enter the directory.
      await chmod(dir, 0o755);
      cliPath = await findOrBuildTemporalCli({ onProgress: (line) => console.log(`[temporal cli] ${line}`) });
      // Both start side by side; allSettled, so that one failing never leaves the other running untracked.
      const started = await Promise.allSettled([startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') }).then((pg) => (postgres = pg)), launchTemporal()]);
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      const databaseUrl = need(postgres, 'PostgreSQL').url;
      const temporalAddress = need(temporal, 'Temporal').address;
      // A known port, so that links in messages (written by the worker process) point at this API.
      const port = await findFreePort();
      extraEnv = { NUDGEFLOW_LINK_SECRET: TEST_LINK_SECRET, NUDGEFLOW_PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.env?.() };
      const env = readEnv({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, NUDGEFLOW_DATA_DIR: dir, ...extraEnv });
      stack = await startStack({
        env,
        databaseUrl,
        temporalAddress,
        credentials: TEST_CREDENTIALS,
        parts: { api: true, worker: false },
        log: (line) => remember(`[api] ${line}`),
      });
      api = new ApiClient(need(stack.apiUrl, 'the API'), TEST_CREDENTIALS);
      await handle.startWorker();
    } catch (error) {
      await teardown().catch((e: unknown) => console.error(String(e)));
      throw error;
    }
  }, 900_000); // the first run on a new machine builds the Temporal CLI (minutes)

  afterAll(teardown, 60_000);

  // A failed test shows what the stack said lately: where a run got stuck is often only there.
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      const lines = [...log, ...(worker ? ['[worker process]', worker.output()] : [])];
      console.error(`What the stack printed lately:\n${lines.join('\n') || '(nothing)'}`);
    });
  });

  const handle: IntegrationStack = {
    get api() {
      return need(api, 'the API');
    },
    get worker() {
      return worker;
    },
    async startWorker() {
      if (worker) throw new Error(`a worker process (pid ${worker.pid}) is running already`);
      worker = await spawnWorker({ ...extraEnv, DATABASE_URL: need(postgres, 'PostgreSQL').url, TEMPORAL_ADDRESS: `127.0.0.1:${need(temporalPort, 'Temporal')}` });
      return worker;
    },
    async killWorker(signal = 'SIGKILL') {
      const running = need(worker, 'a worker process');
      worker = undefined;
      return running.kill(signal);
    },
    async stopTemporal() {
      await need(temporal, 'Temporal').stop();
      temporal = undefined;
    },
    async startTemporal() {
      if (temporal) throw new Error('the Temporal dev server is running already');
      await launchTemporal();
    },
  };
  return handle;
}
