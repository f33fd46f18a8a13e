import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../runtime/bin/nudgeflow.js', import.meta.url));
/** The line `nudgeflow worker` prints once its worker polls Temporal. */
const READY_LINE = 'Nudgeflow worker running';
const OUTPUT_TAIL = 60;

export interface WorkerChild {
  pid: number;
  /** Resolves with how the process ended (a code or a signal name). */
  exited: Promise<string>;
  /** How it ended, or undefined while it runs. */
  ended(): string | undefined;
  /** The last lines it printed, for failure messages. */
  output(): string;
  /** Signals the whole process group and waits for the process to end. */
  kill(signal: NodeJS.Signals): Promise<string>;
}

/**
 * Starts `node runtime/bin/nudgeflow.js worker`, the production worker command, on the given
 * Postgres and Temporal, and resolves once it says it runs. Its own process group, so a kill
 * reaches anything it started; killed with SIGKILL should this test process end without cleaning up.
 */
export async function spawnWorker(env: { DATABASE_URL: string; TEMPORAL_ADDRESS: string } & Record<string, string>, readyTimeoutMs = 120_000): Promise<WorkerChild> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // A production worker sees none of the test runner's settings.
  for (const key of Object.keys(childEnv)) if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'NODE_ENV' || key === 'TEST') delete childEnv[key];
  const child: ChildProcess = spawn(process.execPath, [cli, 'worker'], { cwd: repoRoot, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${cli} worker`);

  const tail: string[] = [];
  let onReady: (() => void) | undefined;
  const collect = (line: string) => {
    tail.push(line);
    if (tail.length > OUTPUT_TAIL) tail.shift();
    if (line.includes(READY_LINE)) onReady?.();
  };
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', collect);
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', collect);

  let ended: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => resolve((ended = signal ?? `exit code ${code}`)));
    child.on('error', (error) => resolve((ended = `spawn error: ${error.message}`)));
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  const killOnExit = () => killGroup('SIGKILL');
  process.on('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  const output = () => tail.join('\n');

  const handle: WorkerChild = {
    pid,
    exited,
    ended: () => ended,
    output,
    async kill(signal) {
      if (ended) return ended;
      killGroup(signal);
      // A graceful stop drains activities; it must not take forever.
      const force = signal === 'SIGKILL' ? undefined : setTimeout(() => killGroup('SIGKILL'), 15_000);
      const how = await exited;
      clearTimeout(force);
      return how;
    },
  };

  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    timer = setTimeout(() => reject(new Error(`the worker process did not report "${READY_LINE}" within ${readyTimeoutMs / 1000} s`)), readyTimeoutMs);
    void exited.then((how) => reject(new Error(`the worker process ended (${how}) before it was ready`)));
  });
  try {
    await ready;
  } catch (error) {
    await handle.kill('SIGKILL');
    throw new Error(`${(error as Error).message}. Its output:\n${output()}`);
  } finally {
    clearTimeout(timer);
  }
  return handle;
}
