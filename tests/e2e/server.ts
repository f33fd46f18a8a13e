import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readEnv, type Credentials } from '../../runtime/src/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../runtime/src/dev/embedded-postgres';
import { findOrBuildTemporalCli } from '../../runtime/src/dev/temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from '../../runtime/src/dev/temporal-dev-server';
import { startStack, type RunningStack } from '../../runtime/src/server/stack';
import { ApiClient } from '../integration/api-client';
import { ensureEditorBundle } from './editor-bundle';

export const E2E_CREDENTIALS: Credentials = {
  adminToken: 'nfa_e2e-tests-admin-token',
  apiKey: 'nfk_e2e-tests-ingestion-key',
};

export interface EditorServer {
  /** Where the server listens: the editor at `/`, the API under /api. */
  baseUrl: string;
  /** The HTTP API with the admin token built in. */
  api: ApiClient;
  /** Stops everything and removes the data dir; safe after a failed start. */
  stop(): Promise<void>;
}

export interface EditorServerOptions {
  /** Also run the worker in this process: for live test runs (messages go to the outbox). */
  worker?: boolean;
  /** More environment for the stack (e.g. NUDGEFLOW_PLUGINS_DIR). */
  env?: Record<string, string>;
}

/**
 * The product as `nudgeflow serve` runs it, on a fresh temp dir: embedded PostgreSQL and a
 * Temporal dev server, the API (which serves editor/dist at `/`) in this process. No worker unless
 * asked for: the editor needs one only to run a live test. editor/dist is rebuilt first if its
 * sources changed.
 */
export async function startEditorServer(log: (line: string) => void, options: EditorServerOptions = {}): Promise<EditorServer> {
  let postgres: EmbeddedPostgres | undefined;
  let temporal: TemporalDevServer | undefined;
  let stack: RunningStack | undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nudgeflow-e2e-'));
  const stop = async () => {
    const failed: string[] = [];
    const steps: [string, () => Promise<unknown>][] = [
      ['the API', async () => stack?.stop()],
      ['the Temporal dev server', async () => temporal?.stop()],
      ['PostgreSQL', async () => postgres?.stop()],
      ['the data dir', () => rm(dir, { recursive: true, force: true })],
    ];
    for (const [what, step] of steps) await step().catch((error: unknown) => failed.push(`stopping ${what}: ${String(error)}`));
    if (failed.length) throw new Error(failed.join('\n'));
  };
  try {
    // As root, PostgreSQL runs as the "postgres" user, which must be able to enter the directory.
    await chmod(dir, 0o755);
    const cliPath = await findOrBuildTemporalCli({ onProgress: (line) => log(`[temporal cli] ${line}`) });
    // allSettled, so that one failing never leaves the others running untracked.
    const started = await Promise.allSettled([
      ensureEditorBundle((line) => log(`[editor] ${line}`)),
      startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') }).then((pg) => (postgres = pg)),
      startTemporalDevServer({ cliPath, dbFile: path.join(dir, 'temporal.db'), headless: true, log: (line) => log(`[temporal] ${line}`) }).then((t) => (temporal = t)),
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    if (!postgres || !temporal) throw new Error('PostgreSQL or Temporal did not start');
    const env = readEnv({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: postgres.url, TEMPORAL_ADDRESS: temporal.address, NUDGEFLOW_DATA_DIR: dir, NUDGEFLOW_LINK_SECRET: 'e2e-tests-link-secret-0123456789', ...options.env });
    stack = await startStack({
      env,
      databaseUrl: postgres.url,
      temporalAddress: temporal.address,
      credentials: E2E_CREDENTIALS,
      parts: { api: true, worker: options.worker ?? false },
      log: (line) => log(`[api] ${line}`),
    });
    if (!stack.apiUrl) throw new Error('the stack did not start its API');
    return { baseUrl: stack.apiUrl, api: new ApiClient(stack.apiUrl, E2E_CREDENTIALS), stop };
  } catch (error) {
    await stop().catch((e: unknown) => log(String(e)));
    throw error;
  }
}
