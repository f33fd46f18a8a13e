import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';

/** Runs the CLI in-process and collects what it prints. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Writes files into a fresh temporary folder; values that are not strings are written as JSON. */
export async function tempFiles(files: Record<string, unknown>): Promise<(name: string) => string> {
  const dir = await mkdtemp(join(tmpdir(), 'nudgeflow-cli-'));
  for (const [name, content] of Object.entries(files))
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return (name: string) => join(dir, name);
}
