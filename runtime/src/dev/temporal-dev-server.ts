import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SEARCH_ATTRIBUTES } from '@nudgeflow/workflows/contract';
import { Connection } from '@temporalio/client';
import { findFreePort } from './ports';

export interface TemporalDevServerOptions {
  cliPath: string;
  /** SQLite file: workflows survive a restart on the same file. */
  dbFile: string;
  /** Frontend gRPC port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** Web UI port; a free one when absent. Ignored when headless. */
  uiPort?: number;
  headless?: boolean;
  namespace?: string;
  /** Receives the server's output lines; dropped when absent. */
  log?: (line: string) => void;
  /** How long to wait for the frontend to answer (default 60 s). */
  startTimeoutMs?: number;
  /** After SIGTERM, how long before SIGKILL (default 10 s). */
  stopGraceMs?: number;
}

export interface TemporalDevServer {
  /** host:port for clients and workers. */
  address: string;
  namespace: string;
  uiUrl?: string;
  pid: number;
  /** SIGTERM, then SIGKILL after the grace period; safe to call twice. */
  stop(): Promise<void>;
}

/** Lines of server output kept for error messages. */
const OUTPUT_TAIL = 40;
const POLL_MS = 250;


function serverArgs(options: TemporalDevServerOptions, namespace: string, port: number, uiPort: number | undefined): string[] {
  const args = ['server', 'start-dev', '--db-filename', options.dbFile, '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace];
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]));
  // WAL keeps SQLite writes cheap; synchronous=normal is safe with WAL (a crash loses at most the last commits, never the file).
  args.push('--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  for (const name of Object.values(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=Keyword`);
  args.push('--log-level', 'warn');
  return args;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `temporal server start-dev` on a SQLite file and waits until its frontend answers. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const namespace = options.namespace ?? 'default';
  const port = options.port ?? (await findFreePort());
  const uiPort = options.headless ? undefined : (options.uiPort ?? (await findFreePort()));
  await mkdir(path.dirname(path.resolve(options.dbFile)), { recursive: true });
  const child = spawn(options.cliPath, serverArgs(options, namespace, port, uiPort), { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > OUTPUT_TAIL) tail.shift();
    options.log?.(line);
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exit = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      resolve();
    });
    child.on('error', (error) => {
      exit = `could not be started: ${error.message}`;
      resolve();
    });
  });
  const address = `127.0.0.1:${port}`;
  // If this process ends without stop(), the server must not linger holding the port and the db.
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (exit) return;
    child.kill('SIGTERM');
    const grace = setTimeout(() => child.kill('SIGKILL'), options.stopGraceMs ?? 10_000);
    await exited;
    clearTimeout(grace);
  };
  try {
    await waitForFrontend(address, namespace, options.startTimeoutMs ?? 60_000, () => exit);
  } catch (error) {
    await stop();
    const output = tail.length > 0 ? `\nServer output:\n${tail.join('\n')}` : '';
    throw new Error(`The Temporal dev server (${options.cliPath}) did not come up on ${address}: ${(error as Error).message}${output}`);
  }
  return { address, namespace, pid: child.pid as number, stop, ...(uiPort !== undefined ? { uiUrl: `http://127.0.0.1:${uiPort}` } : {}) };
}

/** Connects and asks for the namespace until the server answers, the process dies, or time runs out. */
async function waitForFrontend(address: string, namespace: string, timeoutMs: number, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const died = exited();
    if (died) throw new Error(`the server process ${died}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (error) {
      last = (error as Error).message;
    } finally {
      await connection?.close();
    }
    await sleep(POLL_MS);
  }
  throw new Error(`no answer within ${Math.round(timeoutMs / 1000)} s (last error: ${last})`);
}
