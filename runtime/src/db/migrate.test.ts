import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations } from './migrate';
import { useTestDatabase } from './test-database';

const db = useTestDatabase({ migrate: false });

describe('migrate', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nudgeflow-migrations-'));
    await db.sql`drop schema public cascade`;
    await db.sql`create schema public`;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const ledger = () => db.sql<{ version: number; name: string }[]>`select version, name from schema_migrations order by version`;

  it('applies the real migrations once; a second run applies nothing', async () => {
    const real = await readMigrations();
    const first = await migrate(db.sql);
    expect(first.applied).toEqual(real.map((m) => m.file));
    expect(first.applied[0]).toBe('001_init.sql');
    expect(await migrate(db.sql)).toEqual({ applied: [] });
    expect(await ledger()).toEqual(real.map((m) => ({ version: m.version, name: m.name })));
    const tables = await db.sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by 1`;
    expect(tables.map((t) => t.name)).toEqual([
      'code_pools',
      'codes',
      'contacts',
      'effects',
      'events',
      'flow_versions',
      'flows',
      'messages',
      'order_items',
      'orders',
      'outbox',
      'run_steps',
      'runs',
      'schema_migrations',
      'suppressions',
      'test_runs',
    ]);
  });

  it('applies files in number order and only the new ones later', async () => {
    await writeFile(path.join(dir, '002_b.sql'), 'insert into t values (2);');
    await writeFile(path.join(dir, '001_a.sql'), 'create table t (n int);\ninsert into t values (1);');
    expect((await migrate(db.sql, { dir })).applied).toEqual(['001_a.sql', '002_b.sql']);
    await writeFile(path.join(dir, '003_c.sql'), 'insert into t values (3);');
    expect((await migrate(db.sql, { dir })).applied).toEqual(['003_c.sql']);
    expect(await db.sql`select n from t order by n`).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('refuses to run when an applied file was edited, naming the file', async () => {
    await writeFile(path.join(dir, '001_a.sql'), 'create table t (n int);');
    await migrate(db.sql, { dir });
    await writeFile(path.join(dir, '001_a.sql'), 'create table t (n bigint);');
    await writeFile(path.join(dir, '002_b.sql'), 'insert into t values (2);');
    await expect(migrate(db.sql, { dir })).rejects.toThrow(/migration 001_a\.sql was changed after it was applied/);
    expect(await db.sql`select count(*)::int as n from t`).toEqual([{ n: 0 }]);
  });

  it('does not count a CRLF checkout of the same file as an edit', async () => {
    await writeFile(path.join(dir, '001_a.sql'), 'create table t (n int);\ninsert into t values (1);\n');
    await migrate(db.sql, { dir });
    await writeFile(path.join(dir, '001_a.sql'), 'create table t (n int);\r\ninsert into t values (1);\r\n');
    expect(await migrate(db.sql, { dir })).toEqual({ applied: [] });
  });

  it('rolls a failing migration back whole and names it; earlier ones stay applied', async () => {
    await writeFile(path.join(dir, '001_a.sql'), 'create table t (n int);');
    await writeFile(path.join(dir, '002_b.sql'), 'create table u (n int);\ninsert into nowhere values (1);');
    await expect(migrate(db.sql, { dir })).rejects.toThrow(/migration 002_b\.sql failed: relation "nowhere" does not exist/);
    expect(await ledger()).toEqual([{ version: 1, name: 'a' }]);
    expect(await db.sql`select to_regclass('u') as u`).toEqual([{ u: null }]);
  });

  it('two processes migrating at once apply each file exactly once', async () => {
    // Each file fails if it runs twice (create table without "if not exists").
    await writeFile(path.join(dir, '001_a.sql'), 'create table t (n int); select pg_sleep(0.2);');
    await writeFile(path.join(dir, '002_b.sql'), 'create table u (n int);');
    const other = db.connect(2);
    const [a, b] = await Promise.all([migrate(db.sql, { dir }), migrate(other, { dir })]);
    expect([...a.applied, ...b.applied].sort()).toEqual(['001_a.sql', '002_b.sql']);
    expect(await ledger()).toEqual([
      { version: 1, name: 'a' },
      { version: 2, name: 'b' },
    ]);
  });

  it('rejects misnamed and duplicate-numbered files', async () => {
    await writeFile(path.join(dir, '1_a.sql'), 'select 1;');
    await expect(readMigrations(dir)).rejects.toThrow(/1_a\.sql: a migration is named NNN_name\.sql/);
    await rm(path.join(dir, '1_a.sql'));
    await writeFile(path.join(dir, '001_a.sql'), 'select 1;');
    await writeFile(path.join(dir, '001_b.sql'), 'select 1;');
    await expect(readMigrations(dir)).rejects.toThrow(new MigrationError('001_b.sql and 001_a.sql have the same number 001'));
  });
});
