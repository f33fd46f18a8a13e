import { readEnv, type Env } from '../../config';
import { createSql } from '../../db/client';
import { migrate } from '../../db/migrate';
import { ensureEditorBuilt } from '../../dev/editor-build';
import { devCredentials, requiredCredentials } from '../../server/dev-credentials';
import { startInfrastructure } from '../../server/infrastructure';
import { startStack, type Log, type RunningStack } from '../../server/stack';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export const devUsage = 'nudgeflow dev';
export const serveUsage = 'nudgeflow serve';
export const workerUsage = 'nudgeflow worker';
export const migrateUsage = 'nudgeflow migrate';

function env(): Env {
  try {
    return readEnv();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/**
 * Keeps the process up until Ctrl-C (or SIGTERM), then stops everything in order. A second
 * Ctrl-C gives up waiting. Resolves to the exit code.
 */
function runUntilSignal(stop: () => Promise<void>, io: CliIO, workerDone?: Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const shutdown = (why: string, code: number) => {
      if (stopping) {
        io.err('stopping anyway');
        process.exit(1);
      }
      stopping = true;
      io.out(`\n${why}: stopping (Ctrl-C again to force)...`);
      void stop().then(() => {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        io.out('stopped.');
        resolve(code);
      });
    };
    const onSignal = (signal: NodeJS.Signals) => shutdown(signal, 0);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // The worker also finishes when we stop it; only an unasked-for end means trouble.
    workerDone?.then(
      () => stopping || shutdown('the worker stopped', 1),
      (error: unknown) => {
        if (stopping) return;
        io.err(`the worker failed: ${error instanceof Error ? error.message : String(error)}`);
        shutdown('worker failure', 1);
      },
    );
  });
}

/** `npm start`: Postgres, Temporal, worker, dispatcher and API in one process tree, on local data. */
export async function devCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {}, devUsage);
  const config = env();
  const log: Log = (line) => io.out(line);
  await ensureEditorBuilt({ log });
  const infra = await startInfrastructure(config, log);
  let stack: RunningStack;
  try {
    const credentials = await devCredentials(config);
    stack = await startStack({
      env: config,
      databaseUrl: infra.databaseUrl,
      temporalAddress: infra.temporalAddress,
      credentials,
      devCredentials: credentials,
      parts: { api: true, worker: true },
      ...(infra.temporalUiUrl ? { temporalUiUrl: infra.temporalUiUrl } : {}),
      log,
    });
    io.out(
      [
        '',
        'Nudgeflow is running.',
        `  app + API     ${stack.apiUrl}`,
        `  API docs      ${stack.apiUrl}/api/docs`,
        ...(infra.temporalUiUrl ? [`  Temporal UI   ${infra.temporalUiUrl}`] : []),
        `  Postgres      ${infra.databaseSource}`,
        `  Temporal      ${infra.temporalAddress} (${infra.temporalSource})`,
        '',
        'Dev credentials (kept in the data folder; NUDGEFLOW_ADMIN_TOKEN / NUDGEFLOW_API_KEY override them):',
        `  admin token   ${credentials.adminToken}     (Authorization: Bearer ...)`,
        `  ingestion key ${credentials.apiKey}     (X-Api-Key: ...)`,
        '',
        'Ctrl-C stops everything; the next start picks up where this one left off.',
      ].join('\n'),
    );
  } catch (error) {
    await infra.stop();
    throw error;
  }
  return runUntilSignal(
    async () => {
      await stack.stop();
      await infra.stop();
    },
    io,
    stack.workerDone,
  );
}

function productionTargets(config: Env): { databaseUrl: string; temporalAddress: string } {
  const missing = [!config.DATABASE_URL && 'DATABASE_URL', !config.TEMPORAL_ADDRESS && 'TEMPORAL_ADDRESS'].filter(Boolean);
  if (missing.length) throw new CliError(`set ${missing.join(' and ')} (or use "nudgeflow dev" for the embedded stack)`);
  return { databaseUrl: config.DATABASE_URL as string, temporalAddress: config.TEMPORAL_ADDRESS as string };
}

/** Production API process: API + dispatcher (+ the trigger schedule), on configured Postgres and Temporal. */
export async function serveCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {}, serveUsage);
  const config = env();
  let credentials;
  try {
    credentials = requiredCredentials(config);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const stack = await startStack({ env: config, ...productionTargets(config), credentials, parts: { api: true, worker: false }, log: (l) => io.out(l) });
  io.out(`Nudgeflow API listening on ${stack.apiUrl}`);
  return runUntilSignal(stack.stop, io);
}

/** Production worker process: runs flows; start as many as the load needs. */
export async function workerCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {}, workerUsage);
  const config = env();
  const stack = await startStack({ env: config, ...productionTargets(config), parts: { api: false, worker: true }, log: (l) => io.out(l) });
  io.out('Nudgeflow worker running');
  return runUntilSignal(stack.stop, io, stack.workerDone);
}

/** Applies pending database migrations and exits. */
export async function migrateCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {}, migrateUsage);
  const config = env();
  if (!config.DATABASE_URL) throw new CliError('set DATABASE_URL');
  const sql = createSql(config.DATABASE_URL);
  try {
    const { applied } = await migrate(sql);
    io.out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    return 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
