import { execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

let dir: string;
let dataDir: string;
const running: EmbeddedPostgres[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nudgeflow-embedded-'));
  // As root the server runs as the "postgres" user, which must be able to enter the directory.
  await chmod(dir, 0o755);
  dataDir = path.join(dir, 'data');
});

afterAll(async () => {
  await Promise.all(running.map((pg) => pg.stop()));
  await rm(dir, { recursive: true, force: true });
}, 60_000);

async function start(): Promise<EmbeddedPostgres> {
  const pg = await startEmbeddedPostgres({ dataDir });
  running.push(pg);
  return pg;
}

async function query<T extends object>(url: string, fn: (sql: postgres.Sql) => Promise<T[]>): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

/** As root, the server runs as the "postgres" user. */
async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number((await promisify(execFile)('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

const postmasterPid = async () => Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startEmbeddedPostgres', () => {
  it('initialises a cluster with the nudgeflow database, and a restart keeps the data', async () => {
    const listeners = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM'), beforeExit: process.listenerCount('beforeExit') };
    const first = await start();
    expect(first.url).toBe(`postgres://postgres:nudgeflow-dev@127.0.0.1:${first.port}/nudgeflow`);
    // The library's own signal handlers (which would exit the process) are gone.
    expect({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM'), beforeExit: process.listenerCount('beforeExit') }).toEqual(listeners);
    await query(first.url, (sql) => sql`create table kept (note text)`);
    await query(first.url, (sql) => sql`insert into kept values ('before restart')`);
    const encoding = await query(first.url, (sql) => sql`select current_setting('server_encoding') as e, lower('ŽLUŤOUČKÝ') as l`);
    expect(encoding).toEqual([{ e: 'UTF8', l: 'žluťoučký' }]);
    await first.stop();
    await first.stop();

    const second = await start();
    expect(await query(second.url, (sql) => sql`select note from kept`)).toEqual([{ note: 'before restart' }]);
    await second.stop();
  }, 60_000);

  it('starts again after the server was killed with SIGKILL, even once its pid is reused', async () => {
    const pg = await start();
    const pid = await postmasterPid();
    process.kill(pid, 'SIGKILL');
    await pg.stop();
    expect(alive(pid)).toBe(false);
    // The stale postmaster.pid now names a live process of the server's user that is not Postgres;
    // Postgres alone would refuse to start ("Is another postmaster running?").
    const stranger = spawn('sleep', ['60'], { stdio: 'ignore', ...(await serverUser()) });
    const pidFile = path.join(dataDir, 'postmaster.pid');
    const lines = (await readFile(pidFile, 'utf8')).split('\n');
    await writeFile(pidFile, [String(stranger.pid), ...lines.slice(1)].join('\n'));

    try {
      const again = await start();
      expect(await query(again.url, (sql) => sql`select note from kept`)).toEqual([{ note: 'before restart' }]);
      await again.stop();
      expect(alive(stranger.pid ?? 0)).toBe(true);
    } finally {
      stranger.kill();
    }
  }, 60_000);

  it('refuses a data directory a live process is serving', async () => {
    const pg = await start();
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      new RegExp(`PostgreSQL is already running on ${dataDir} \\(pid \\d+, port ${pg.port}\\), started by process ${process.pid}`),
    );
    await pg.stop();
  }, 60_000);

  it('shuts down a server left behind by a process that was killed, then starts its own', async () => {
    const script = path.join(dir, 'owner.mts');
    const modulePath = fileURLToPath(new URL('./embedded-postgres.ts', import.meta.url));
    await writeFile(
      script,
      `import { startEmbeddedPostgres } from ${JSON.stringify(modulePath)};\n` +
        `const pg = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });\n` +
        `console.log('ready ' + pg.port);\n`,
    );
    const owner = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      owner.on('exit', (code) => reject(new Error(`the owner process exited early (${code})`)));
    });
    const orphan = await postmasterPid();
    owner.kill('SIGKILL');
    await new Promise((resolve) => owner.once('exit', resolve));
    expect(alive(orphan)).toBe(true);

    const pg = await start();
    expect(alive(orphan)).toBe(false);
    expect(await query(pg.url, (sql) => sql`select note from kept`)).toEqual([{ note: 'before restart' }]);
    await pg.stop();
  }, 60_000);
});
