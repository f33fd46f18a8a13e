import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../dev/embedded-postgres';
import { createSql, type Sql } from './client';
import { migrate } from './migrate';

export interface TestDatabase {
  /** The migrated database's pool (valid between beforeAll and afterAll). */
  readonly sql: Sql;
  readonly url: string;
  /** Another pool on the same database, e.g. to play a second process; closed in afterAll. */
  connect(max?: number): Sql;
  /** Empties every table but the migration ledger. */
  reset(): Promise<void>;
}

/**
 * For a vitest file: one real PostgreSQL (embedded, temp dir, free port) started in beforeAll,
 * migrated, and stopped and deleted in afterAll.
 */
export function useTestDatabase(options: { migrate?: boolean } = {}): TestDatabase {
  let dir: string | undefined;
  let server: EmbeddedPostgres | undefined;
  let pool: Sql | undefined;
  const extra: Sql[] = [];
  const started = () => {
    if (!server || !pool) throw new Error('the test database is only available inside tests (after beforeAll)');
    return { server, pool };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nudgeflow-pg-'));
    // As root the server runs as the "postgres" user, which must be able to enter the directory.
    await chmod(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data') });
    pool = createSql(server.url, { max: 10, applicationName: 'nudgeflow-test' });
    if (options.migrate !== false) await migrate(pool);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...extra, ...(pool ? [pool] : [])].map((s) => s.end({ timeout: 5 })));
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  return {
    get sql() {
      return started().pool;
    },
    get url() {
      return started().server.url;
    },
    connect(max = 10) {
      const sql = createSql(started().server.url, { max, applicationName: 'nudgeflow-test-extra' });
      extra.push(sql);
      return sql;
    },
    async reset() {
      const { pool: sql } = started();
      const tables = await sql<{ name: string }[]>`
        select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations'`;
      // DELETE is far quicker than TRUNCATE on small tables; the replica role skips triggers (the
      // immutable flow versions) and foreign-key checks, so the order does not matter.
      await sql.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        for (const { name } of tables) await tx`delete from ${tx(name)}`;
      });
    },
  };
}
