import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from './client';

/** runtime/migrations, next to src/. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

// Any fixed number: every nudgeflow process migrating the same database takes the same lock.
const MIGRATION_LOCK = 7_261_004_415;
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  file: string;
  checksum: string;
  sql: string;
}

export class MigrationError extends Error {}

/** The migration files in version order; a misnamed .sql file or a repeated number is an error. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(`${path.join(dir, file)}: a migration is named NNN_name.sql (e.g. 002_add_segments.sql)`);
    const version = Number(match[1]);
    const previous = migrations.at(-1);
    if (previous?.version === version) throw new MigrationError(`${file} and ${previous.file} have the same number ${match[1]}`);
    // CRLF and LF checkouts of the same file must not look like an edit.
    const sql = (await readFile(path.join(dir, file), 'utf8')).replace(/\r\n/g, '\n');
    const checksum = createHash('sha256').update(sql).digest('hex');
    migrations.push({ version, name: match[2] ?? '', file, checksum, sql });
  }
  return migrations;
}

export interface MigrateResult {
  /** Files applied by this call, in order. */
  applied: string[];
}

/**
 * Applies the pending migrations in order, each in its own transaction holding an advisory lock,
 * so that processes starting together apply each file once. Refuses to run when an applied file
 * has been edited since. Versions in the database that no file describes (a newer release ran
 * here) are left alone.
 */
export async function migrate(sql: Sql, options: { dir?: string } = {}): Promise<MigrateResult> {
  const migrations = await readMigrations(options.dir);
  const applied: string[] = [];
  for (;;) {
    const next = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
      await tx`
        create table if not exists schema_migrations (
          version    integer primary key,
          name       text not null,
          checksum   text not null,
          applied_at timestamptz not null default now()
        )`;
      const done = await tx<{ version: number; checksum: string }[]>`select version, checksum from schema_migrations`;
      const doneByVersion = new Map(done.map((row) => [row.version, row.checksum]));
      for (const m of migrations) {
        const checksum = doneByVersion.get(m.version);
        if (checksum !== undefined && checksum !== m.checksum)
          throw new MigrationError(
            `migration ${m.file} was changed after it was applied to this database. ` +
              'Applied migrations are history: restore the file and put the change in a new migration.',
          );
      }
      const pending = migrations.find((m) => !doneByVersion.has(m.version));
      if (!pending) return undefined;
      try {
        await tx.unsafe(pending.sql).simple();
      } catch (error) {
        throw new MigrationError(`migration ${pending.file} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      await tx`insert into schema_migrations (version, name, checksum) values (${pending.version}, ${pending.name}, ${pending.checksum})`;
      return pending.file;
    });
    if (next === undefined) return { applied };
    applied.push(next);
  }
}
