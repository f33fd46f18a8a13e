import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorBuildReason, ensureEditorBuilt, newestChange } from './editor-build';

let root: string;

/** Writes a file with a chosen modification time (seconds since the epoch). */
async function file(path: string, mtime: number): Promise<void> {
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, path);
  await utimes(full, mtime, mtime);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'nudgeflow-editor-build-'));
  await file('editor/index.html', 1000);
  await file('editor/vite.config.ts', 1000);
  await file('editor/src/main.tsx', 1000);
  await file('editor/src/pages/flows/FlowsPage.tsx', 1200);
  await file('shared/src/graph/schema.ts', 1100);
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('newestChange', () => {
  it('finds the newest file anywhere under a folder', async () => {
    expect(await newestChange(join(root, 'editor'))).toBe(1_200_000);
  });

  it('is 0 for a path that does not exist', async () => {
    expect(await newestChange(join(root, 'nothing'))).toBe(0);
  });
});

describe('editorBuildReason', () => {
  it('asks for a build when there is no dist', async () => {
    expect(await editorBuildReason(root)).toBe('editor/dist does not exist');
  });

  it('asks for a build when a source is newer than the build', async () => {
    await file('editor/dist/index.html', 1150);
    expect(await editorBuildReason(root)).toBe('the sources changed since the last build');
  });

  it('counts the shared sources too', async () => {
    await file('editor/dist/index.html', 1300);
    await file('shared/src/nodes/registry.ts', 1400);
    expect(await editorBuildReason(root)).toBe('the sources changed since the last build');
  });

  it('is satisfied by a build newer than every source', async () => {
    await file('editor/dist/index.html', 1300);
    expect(await editorBuildReason(root)).toBeUndefined();
  });
});

describe('ensureEditorBuilt', () => {
  it('builds with the editor Vite config and says so', async () => {
    const lines: string[] = [];
    const configs: string[] = [];
    const result = await ensureEditorBuilt({ root, log: (l) => lines.push(l), build: async (config) => void configs.push(config) });
    expect(result).toBe('built');
    expect(configs).toEqual([join(root, 'editor', 'vite.config.ts')]);
    expect(lines[0]).toBe('building the editor… (editor/dist does not exist)');
    expect(lines[1]).toMatch(/^built the editor in \d+\.\d s$/);
  });

  it('does nothing when the build is current', async () => {
    await file('editor/dist/index.html', 1300);
    const lines: string[] = [];
    const result = await ensureEditorBuilt({ root, log: (l) => lines.push(l), build: async () => expect.fail('must not build') });
    expect(result).toBe('up to date');
    expect(lines).toEqual([]);
  });

  it('reports a failed build without throwing', async () => {
    const lines: string[] = [];
    const result = await ensureEditorBuilt({ root, log: (l) => lines.push(l), build: async () => Promise.reject(new Error('src/main.tsx: Unexpected token')) });
    expect(result).toBe('failed');
    expect(lines[1]).toBe('could not build the editor: src/main.tsx: Unexpected token (run "npm run build" to see why)');
  });
});
