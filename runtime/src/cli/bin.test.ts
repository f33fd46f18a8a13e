import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempFiles } from './cli-harness';
import { reminderFlow } from './fixtures/reminder';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('the nudgeflow binary', () => {
  it('runs as `npx nudgeflow` from the repository, with exit codes and no stack traces', async () => {
    const file = await tempFiles({ 'flow.json': reminderFlow, 'bad.json': '{' });
    const ok = await run('npx', ['nudgeflow', 'validate', file('flow.json')], { cwd: root });
    expect(ok.stdout).toMatch(/valid/);
    const bad = await run('npx', ['nudgeflow', 'validate', file('bad.json')], { cwd: root }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/not valid JSON/);
    expect((bad as { stderr: string }).stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 30_000);
});
