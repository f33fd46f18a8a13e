import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON, type History } from '@temporalio/common/lib/proto-utils';

/**
 * Recorded workflow histories: the replay test runs the current workflow code against each, so a
 * change that would break running workflows (without `patched()`) fails the suite.
 */
export const HISTORIES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/replay/histories');

export async function saveHistory(client: Client, workflowId: string, name: string, runId?: string): Promise<string> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  await mkdir(HISTORIES_DIR, { recursive: true });
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  await writeFile(file, `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 1)}\n`);
  return file;
}

/** Tests call this for runs worth keeping; `NUDGEFLOW_RECORD_HISTORIES=1` writes them (then commit the files). */
export async function saveHistoryIfRecording(client: Client, workflowId: string, name: string, runId?: string): Promise<void> {
  if (process.env.NUDGEFLOW_RECORD_HISTORIES === '1') await saveHistory(client, workflowId, name, runId);
}

export async function loadHistories(dir = HISTORIES_DIR): Promise<{ name: string; history: History }[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({ name: file.replace(/\.json$/, ''), history: historyFromJSON(JSON.parse(await readFile(path.join(dir, file), 'utf8'))) })),
  );
}
