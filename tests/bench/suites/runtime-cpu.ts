import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (ms) spent by each part of the bench's stack, from /proc (Linux); empty elsewhere. */
export type CpuUsage = Map<CpuPart, number>;

export type CpuPart = 'Temporal server' | 'PostgreSQL' | 'Node main thread' | 'Node other threads';

/** USER_HZ: /proc reports times in ticks of 10 ms on Linux. */
const TICK_MS = 10;

function stat(file: string): { comm: string; ppid: number; cpuMs: number } | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // The command may contain spaces and parentheses: everything after the last ")" is positional.
  const close = raw.lastIndexOf(')');
  const fields = raw.slice(close + 2).split(' ');
  return { comm: raw.slice(raw.indexOf('(') + 1, close), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
}

/** This process's threads, and the Temporal dev server and PostgreSQL processes it started. */
export function cpuUsage(): CpuUsage {
  const usage: CpuUsage = new Map();
  const add = (part: CpuPart, ms: number) => usage.set(part, (usage.get(part) ?? 0) + ms);
  for (const tid of list('/proc/self/task')) {
    const thread = stat(`/proc/self/task/${tid}/stat`);
    if (thread) add(Number(tid) === process.pid ? 'Node main thread' : 'Node other threads', thread.cpuMs);
  }
  const processes = new Map(list('/proc').flatMap((pid) => ((s) => (s ? [[Number(pid), s] as const] : []))(stat(`/proc/${pid}/stat`))));
  const ours = (pid: number): boolean => {
    for (let parent = processes.get(pid)?.ppid, depth = 0; parent !== undefined && depth < 8; parent = processes.get(parent)?.ppid, depth++) if (parent === process.pid) return true;
    return false;
  };
  for (const [pid, p] of processes) {
    if (!ours(pid)) continue;
    if (p.comm.startsWith('temporal')) add('Temporal server', p.cpuMs);
    else if (p.comm.startsWith('postgres')) add('PostgreSQL', p.cpuMs);
  }
  return usage;
}

/** "Temporal server 18 ms, …" per unit of work between two readings; undefined without /proc. */
export function describeCpu(before: CpuUsage, after: CpuUsage, units: number, unit: string): string | undefined {
  // Parts that spent less than 0.05 ms per unit are left out: they round to nothing.
  const parts = [...after].map(([part, ms]) => [part, ms - (before.get(part) ?? 0)] as const).filter(([, ms]) => ms / units >= 0.05);
  if (parts.length === 0) return undefined;
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  const each = parts.sort((a, b) => b[1] - a[1]).map(([part, ms]) => `${part} ${(ms / units).toFixed(1)}`);
  return `${(total / units).toFixed(1)} ms of CPU per ${unit} (${each.join(', ')})`;
}
