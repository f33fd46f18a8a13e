import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrBuildTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';

let dir: string;
let cliPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nudgeflow-devserver-'));
  cliPath = await findOrBuildTemporalCli();
}, 900_000); // the first run on a new machine builds the Temporal CLI (minutes)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startTemporalDevServer (the real CLI binary)', () => {
  it('registers the search attributes, serves the UI, and keeps workflows across a restart on the same file', async () => {
    const dbFile = path.join(dir, 'data', 'temporal.db');
    const first = await startTemporalDevServer({ cliPath, dbFile });
    let connection = await Connection.connect({ address: first.address });
    try {
      expect(first.address).toMatch(/^127\.0\.0\.1:\d+$/);
      const ui = await fetch(first.uiUrl as string);
      expect(ui.status).toBe(200);
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      expect(Object.keys(customAttributes ?? {}).filter((name) => name.startsWith('Nudgeflow')).sort()).toEqual(['NudgeflowContactId', 'NudgeflowFlowId', 'NudgeflowNodeId']);
      // Nobody polls this queue: the workflow just stays open, which is what must survive.
      await new Client({ connection }).workflow.start('flowRun', { workflowId: 'persisted', taskQueue: 'nobody-polls', args: [] });
    } finally {
      await connection.close();
      await first.stop();
    }
    expect(isAlive(first.pid)).toBe(false);

    const second = await startTemporalDevServer({ cliPath, dbFile, headless: true });
    connection = await Connection.connect({ address: second.address });
    try {
      expect(second.uiUrl).toBeUndefined();
      const description = await new Client({ connection }).workflow.getHandle('persisted').describe();
      expect(description.status.name).toBe('RUNNING');
      await new Client({ connection }).workflow.getHandle('persisted').terminate('test over');
    } finally {
      await connection.close();
      await second.stop();
    }
    await second.stop();
  }, 60_000);

  it("reports a server that does not come up, with the server's own output", async () => {
    const fake = path.join(dir, 'broken-temporal');
    await writeFile(fake, '#!/bin/sh\necho "Error: unknown flag: --sqlite-pragma" >&2\nexit 1\n');
    await chmod(fake, 0o755);
    const error = await startTemporalDevServer({ cliPath: fake, dbFile: path.join(dir, 'broken.db'), port: 1 }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `The Temporal dev server (${fake}) did not come up on 127.0.0.1:1: the server process exited with code 1\nServer output:\nError: unknown flag: --sqlite-pragma`,
    );
  });
});
