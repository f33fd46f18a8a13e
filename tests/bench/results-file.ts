import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** The target the issue sets, in words ("< 100 ms"); empty when there is none. */
  target?: string;
  /** Whether the value meets the target. */
  met?: boolean;
}

const resultsPath = new URL('./RESULTS.md', import.meta.url);

function table(rows: BenchRow[]): string {
  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
  return [
    '| metric | value | target |',
    '|---|---:|---|',
    ...rows.map((r) => `| ${r.metric} | ${fmt(r.value)} ${r.unit} | ${r.target ? `${r.target} ${r.met ? '✅' : '❌'}` : ''} |`),
  ].join('\n');
}

/**
 * Rewrites one suite's section of RESULTS.md and keeps the others, so running one suite does not
 * erase what the rest measured last time.
 */
export async function writeSection(suite: string, title: string, rows: BenchRow[], notes: string): Promise<void> {
  let text = await readFile(resultsPath, 'utf8').catch(() => '# Benchmark results\n\nWritten by `npm run bench`; each section is replaced when its suite runs.\n');
  const start = `<!-- bench:${suite} -->`;
  const end = `<!-- /bench:${suite} -->`;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const section = `${start}\n## ${title}\n\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine}\n\n${table(rows)}\n\n${notes}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`;
  await writeFile(resultsPath, text);
}
