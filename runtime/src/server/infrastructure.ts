import path from 'node:path';
import type { Env } from '../config';
import { startEmbeddedPostgres } from '../dev/embedded-postgres';
import { findOrBuildTemporalCli } from '../dev/temporal-cli';
import { startTemporalDevServer } from '../dev/temporal-dev-server';
import { isPortFree } from '../dev/ports';

export interface Infrastructure {
  databaseUrl: string;
  /** "embedded (.data/postgres)" or "DATABASE_URL". */
  databaseSource: string;
  temporalAddress: string;
  temporalSource: string;
  temporalUiUrl?: string;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

async function preferredPort(port: number): Promise<number | undefined> {
  return (await isPortFree(port)) ? port : undefined;
}

/**
 * Postgres and Temporal for the dev stack: the configured ones when DATABASE_URL /
 * TEMPORAL_ADDRESS are set, otherwise an embedded PostgreSQL and a Temporal dev server whose
 * data live in the data folder, so a second start finds everything (and every waiting contact) again.
 */
export async function startInfrastructure(env: Env, log: Log): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: unknown) => log(`while stopping: ${String(e)}`));
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    let databaseSource = 'DATABASE_URL';
    if (!databaseUrl) {
      const dataDir = path.resolve(env.NUDGEFLOW_DATA_DIR, 'postgres');
      log(`starting embedded PostgreSQL (${path.relative(process.cwd(), dataDir) || dataDir})...`);
      const pg = await startEmbeddedPostgres({ dataDir });
      stops.push(pg.stop);
      databaseUrl = pg.url;
      databaseSource = `embedded, data in ${path.relative(process.cwd(), dataDir)}`;
    }

    let temporalAddress = env.TEMPORAL_ADDRESS;
    let temporalSource = 'TEMPORAL_ADDRESS';
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      let announced = false;
      const cliPath = await findOrBuildTemporalCli({
        onProgress: (line) => {
          if (!announced) {
            announced = true;
            log('building the Temporal CLI with go install (first start only; this takes a few minutes)...');
          }
          log(`  go: ${line}`);
        },
      });
      const dbFile = path.resolve(env.NUDGEFLOW_DATA_DIR, 'temporal.db');
      log('starting the Temporal dev server...');
      const port = await preferredPort(7233);
      const uiPort = await preferredPort(8233);
      const server = await startTemporalDevServer({ cliPath, dbFile, ...(port ? { port } : {}), ...(uiPort ? { uiPort } : {}) });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalSource = `dev server, data in ${path.relative(process.cwd(), dbFile)}`;
      temporalUiUrl = server.uiUrl;
    }
    return { databaseUrl, databaseSource, temporalAddress, temporalSource, ...(temporalUiUrl ? { temporalUiUrl } : {}), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
