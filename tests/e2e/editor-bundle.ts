import { mkdir, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { editorBuildReason, ensureEditorBuilt, repoRoot } from '../../runtime/src/dev/editor-build';

/** Test files run side by side; only one of them may write editor/dist at a time. */
const lockDir = path.join(tmpdir(), 'nudgeflow-editor-build.lock');
const LOCK_STALE_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      await mkdir(lockDir);
      return;
    } catch {
      // Another test file is building; a lock left behind by a killed run is taken over once old.
      const age = Date.now() - ((await stat(lockDir).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) await rmdir(lockDir).catch(() => undefined);
      await sleep(200);
    }
  }
}

/**
 * Rebuilds editor/dist when its sources changed (as `nudgeflow dev` does), so the tests always
 * drive the code in the checkout. Unlike the dev server, a failed build fails the tests.
 */
export async function ensureEditorBundle(log: (line: string) => void): Promise<void> {
  if (!(await editorBuildReason(repoRoot))) return;
  await acquireLock();
  try {
    const said: string[] = [];
    const result = await ensureEditorBuilt({
      log: (line) => {
        said.push(line);
        log(line);
      },
    });
    if (result === 'failed') throw new Error(`the editor does not build:\n${said.join('\n')}`);
  } finally {
    await rmdir(lockDir).catch(() => undefined);
  }
}
